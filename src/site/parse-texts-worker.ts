// The worker thread of parse-texts.ts: parses the texts it is given and posts the trees (and their links) back.
import { parentPort, workerData } from 'node:worker_threads';
import { type ParseTextsJob, parseTextsWithLinks } from './parse-texts.js';

parentPort?.postMessage(parseTextsWithLinks(workerData as ParseTextsJob));
