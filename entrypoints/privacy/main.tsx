import { render } from 'preact';
import { MarkdownDocument } from '../../components/MarkdownDocument';
import { parseMarkdown } from '../../utils/markdown';
// The repository's PRIVACY.md itself, so the page in the extension and the file never differ.
import privacy from '../../PRIVACY.md?raw';
import './style.css';

render(<MarkdownDocument blocks={parseMarkdown(privacy)} />, document.getElementById('app')!);
