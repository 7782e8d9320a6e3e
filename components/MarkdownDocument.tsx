import type { JSX } from 'preact';
import type { Block, Inline } from '../utils/markdown';

function InlineText({ parts }: { parts: Inline[] }): JSX.Element {
  return (
    <>
      {parts.map((part, index) => {
        if (part.kind === 'strong') return <strong key={index}>{part.text}</strong>;
        if (part.kind === 'code') return <code key={index}>{part.text}</code>;
        if (part.kind === 'link') {
          // Only links within the extension or to the web; anything else is shown as text.
          const safe = /^(https:\/\/|[a-z0-9-]+\.html(#[\w-]+)?$)/i.test(part.href);
          return safe ? (
            <a key={index} href={part.href}>
              {part.text}
            </a>
          ) : (
            <span key={index}>{part.text}</span>
          );
        }
        return <span key={index}>{part.text}</span>;
      })}
    </>
  );
}

/** A document of the project's own (PRIVACY.md) as elements: never rendered as HTML. */
export function MarkdownDocument({ blocks }: { blocks: Block[] }): JSX.Element {
  return (
    <article class="hc-doc">
      {blocks.map((block, index) => {
        switch (block.kind) {
          case 'heading': {
            const Tag = (['h1', 'h2', 'h3'] as const)[block.level - 1]!;
            return (
              <Tag key={index}>
                <InlineText parts={block.text} />
              </Tag>
            );
          }
          case 'paragraph':
            return (
              <p key={index}>
                <InlineText parts={block.text} />
              </p>
            );
          case 'list': {
            const items = block.items.map((item, itemIndex) => (
              <li key={itemIndex}>
                <InlineText parts={item} />
              </li>
            ));
            return block.ordered ? <ol key={index}>{items}</ol> : <ul key={index}>{items}</ul>;
          }
          case 'table':
            return (
              <table key={index}>
                <thead>
                  <tr>
                    {block.header.map((cell, cellIndex) => (
                      <th key={cellIndex} scope="col">
                        <InlineText parts={cell} />
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {block.rows.map((row, rowIndex) => (
                    <tr key={rowIndex}>
                      {row.map((cell, cellIndex) => (
                        <td key={cellIndex}>
                          <InlineText parts={cell} />
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            );
        }
      })}
    </article>
  );
}
