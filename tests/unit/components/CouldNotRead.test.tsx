import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AddSelection } from '../../../components/AddSelection';
import { CouldNotRead } from '../../../components/CouldNotRead';

afterEach(cleanup);

describe('a page Highcard could not read', () => {
  it('says so plainly and offers the two ways that always work', () => {
    const file = vi.fn();
    const note = vi.fn();
    render(<CouldNotRead onFileSelection={file} onWriteNote={note} />);
    expect(screen.getByRole('status').textContent).toContain("Highcard couldn't read this page.");
    fireEvent.click(screen.getByRole('button', { name: 'File the selection' }));
    fireEvent.click(screen.getByRole('button', { name: 'Write a note' }));
    expect(file).toHaveBeenCalledOnce();
    expect(note).toHaveBeenCalledOnce();
  });

  it('offers "Add selection" under a thread that could be read', () => {
    const add = vi.fn();
    render(<AddSelection onAdd={add} />);
    fireEvent.click(screen.getByRole('button', { name: 'Add selection' }));
    expect(add).toHaveBeenCalledOnce();
  });
});
