// Editor checks of plan files (VS Code with the unifiedjs.vscode-remark extension): frontmatter problems as you type.
import remarkFrontmatter from 'remark-frontmatter';
import remarkSparbar from 'sparbar/remark';

export default { plugins: [[remarkFrontmatter, ['yaml']], remarkSparbar] };
