// `sparbar redigera [mapp] [--port N] [--arbetsflode]`: try the browser editor on this clone, without an account.
import { EditorServerError, startEditorServer } from '../../editor/local-backend.js';
import { buildSite } from '../../site/build-site.js';
import { parseCommandArgs } from '../args.js';
import { EXIT_OK, EXIT_USAGE } from '../exit-codes.js';
import { formatHuman } from '../format/human.js';
import type { Io } from '../io.js';

/** Builds the site with the editor, serves it on 127.0.0.1 with Decap CMS's local backend until Ctrl+C. */
export async function runRedigera(args: readonly string[], io: Io): Promise<number> {
  const parsed = parseCommandArgs(args, { port: { type: 'string', default: '4322' }, arbetsflode: { type: 'boolean', default: false } }, 1);
  const fail = (reason: string) => {
    io.stderr(`sparbar redigera: ${reason}\nAnvändning: sparbar redigera [mapp] [--port 4322] [--arbetsflode]\n`);
    return EXIT_USAGE;
  };
  if ('error' in parsed) return fail(parsed.error);
  const port = Number(parsed.values['port']);
  if (!Number.isInteger(port) || port < 0 || port > 65535) return fail(`--port ska vara ett portnummer, inte "${String(parsed.values['port'])}".`);
  const dir = parsed.positionals[0] ?? 'plans';
  const workflow = parsed.values['arbetsflode'] === true;
  io.stdout('Bygger webbplatsen med redigeringen …\n');
  let server: Awaited<ReturnType<typeof startEditorServer>>;
  try {
    server = await startEditorServer({ plansDir: dir, port, workflow }, (outDir, local) => buildSite({ plansDir: dir, outDir, logLevel: 'error', editorLocal: local }));
  } catch (error) {
    if (error instanceof EditorServerError) return fail(error.message);
    throw error;
  }
  if (server.build.exitCode !== EXIT_OK) {
    const errors = (server.build as Awaited<ReturnType<typeof buildSite>>).messages.filter((m) => m.fatal === true);
    if (errors.length > 0) io.stderr(formatHuman(errors, { color: io.color, base: dir, fileCount: 0 }));
    for (const e of server.build.errors) io.stderr(`sparbar redigera: ${e}\n`);
    return server.build.exitCode;
  }
  io.stdout(
    `Redigera planen på ${server.adminUrl}\n` +
      `Klicka på Logga in (inget konto behövs lokalt). ${workflow ? 'Varje sparning blir en gren cms/… i förrådet; Publicera slår ihop den.' : 'Varje sparning skriver filen i arbetskopian; sparbar diff HEAD visar ändringen.'}\n` +
      'Avsluta med Ctrl+C.\n',
  );
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await server.close();
  return EXIT_OK;
}
