import { render, screen } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { MarkdownDocument } from '../../../components/MarkdownDocument';
import { parseMarkdown } from '../../../utils/markdown';

describe('MarkdownDocument', () => {
  it('renders headings, tables and links as elements, and markup as text', () => {
    const { container } = render(
      <MarkdownDocument
        blocks={parseMarkdown(
          '# Privacy\n\nSee [settings](options.html#privacy) and [bad](javascript:alert(1)).\n\n| what | how long |\n| --- | --- |\n| <b>x</b> | 7 days |',
        )}
      />,
    );
    expect(screen.getByRole('heading', { level: 1, name: 'Privacy' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'settings' }).getAttribute('href')).toBe('options.html#privacy');
    expect(screen.queryByRole('link', { name: 'bad' })).toBeNull();
    expect(screen.getByRole('columnheader', { name: 'how long' })).toBeTruthy();
    expect(screen.getByRole('cell', { name: '<b>x</b>' })).toBeTruthy();
    expect(container.querySelector('b')).toBeNull();
  });
});
