import { describe, expect, it } from 'vitest';
import { dockPage } from '../../../../utils/sidebar/dock';

describe('docking the sidebar beside the page', () => {
  it('narrows the page by the sidebar’s width and gives the page back exactly as it was', () => {
    const root = document.createElement('html');
    root.style.setProperty('margin-right', '12px');
    const undock = dockPage(root, 360);
    expect(root.style.getPropertyValue('margin-right')).toBe('360px');
    expect(root.style.getPropertyPriority('margin-right')).toBe('important');
    undock();
    expect(root.style.getPropertyValue('margin-right')).toBe('12px');
    expect(root.style.getPropertyPriority('margin-right')).toBe('');
  });

  it('leaves no style behind on a page that had none', () => {
    const root = document.createElement('html');
    dockPage(root, 40)();
    expect(root.getAttribute('style') ?? '').toBe('');
  });
});
