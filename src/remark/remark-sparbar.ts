// A unified (remark) plugin that checks one plan file's frontmatter, for editors such as VS Code with vscode-remark.
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { MessageSink } from '../messages/report.js';
import { parsePlanText } from '../parse/read-plan-file.js';
import { validateFile } from '../validate/validate-file.js';

/** Adds a vfile message (rule id, Swedish reason, place) for every problem in the file's own frontmatter; links to other files are checked by `sparbar check`. */
export default function remarkSparbar() {
  return (_tree: Root, file: VFile): void => {
    const sink = new MessageSink();
    const bytes = typeof file.value === 'string' ? new TextEncoder().encode(file.value) : file.value;
    const read = parsePlanText(bytes, file.path ?? '', sink);
    if (read) validateFile(read, sink);
    for (const m of sink.messages) {
      if (m.ruleId === 'not-a-plan-file') continue; // every README would warn in an editor
      const message = file.message(m.reason, { place: { line: m.line, column: m.column }, ruleId: m.ruleId, source: 'sparbar' });
      message.fatal = m.fatal;
      if (m.expected) message.expected = m.expected;
      // Editors show the rule's page as a link (unified-language-server's codeDescription) only for a web address.
      if (/^https?:\/\//.test(m.url)) message.url = m.url;
    }
  };
}
