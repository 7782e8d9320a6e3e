import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { readPageSelection } from '../../utils/capture/selection';

// Run once in the active tab by the background, only after the user chose "File selection
// to customer record" (context menu or keyboard command). It returns the selected text as
// the user sees it, the page title and the address, and leaves nothing behind in the page.
export default defineUnlistedScript(() => readPageSelection(document, location.href));
