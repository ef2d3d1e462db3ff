// The worker thread of parse-texts.ts: parses the texts it is given and posts the trees back.
import { parentPort, workerData } from 'node:worker_threads';
import { type ParseTextsJob, parseTextsHere } from './parse-texts.js';

parentPort?.postMessage(parseTextsHere(workerData as ParseTextsJob));
