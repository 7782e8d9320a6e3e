// Pictures for the README and the stores, taken only on request (HIGHCARD_SCREENSHOTS=1): the
// panel as a person sees it, beside the page it reads, in one 1280×800 picture (the size the
// stores ask for). The browser's own side panel cannot be photographed headless, so the page
// (880 px wide) and the panel page (400 px) are photographed apart and set side by side.
import type { BrowserContext, Page } from '@playwright/test';

export const takePictures = Boolean(process.env.HIGHCARD_SCREENSHOTS);

const WIDTH = 1280;
const HEIGHT = 800;
const PANEL_WIDTH = 400;

/** The fixture pages carry the sites' markup but not their style sheets: their unsized icons
 * would fill the picture. Sized as the real sites size them, for the picture only. */
async function tidyFixture(page: Page): Promise<void> {
  await page.addStyleTag({ content: 'svg, img { width: 20px; height: 20px; } body { font-family: system-ui, sans-serif; }' });
}

/** Writes `path`: `page` on the left, `panel` (as it is on screen now) on the right. */
export async function pictureBeside(context: BrowserContext, page: Page, panel: Page, path: string): Promise<void> {
  if (!takePictures) return;
  const size = page.viewportSize();
  await page.setViewportSize({ width: WIDTH - PANEL_WIDTH, height: HEIGHT });
  await tidyFixture(page);
  const left = await page.screenshot();
  if (size) await page.setViewportSize(size);
  const right = await panel.screenshot();
  const sheet = await context.newPage();
  try {
    await sheet.setViewportSize({ width: WIDTH, height: HEIGHT });
    const src = (png: Buffer) => `data:image/png;base64,${png.toString('base64')}`;
    await sheet.setContent(
      `<body style="margin:0;display:flex;background:#fff">` +
        `<img src="${src(left)}" style="width:${WIDTH - PANEL_WIDTH}px;height:${HEIGHT}px;display:block">` +
        `<img src="${src(right)}" style="width:${PANEL_WIDTH}px;height:${HEIGHT}px;display:block;border-left:1px solid #c8c8c8;box-sizing:border-box">` +
        `</body>`,
    );
    await sheet.waitForFunction(() => Array.from(document.images).every((image) => image.complete));
    await sheet.screenshot({ path });
  } finally {
    await sheet.close();
  }
}
