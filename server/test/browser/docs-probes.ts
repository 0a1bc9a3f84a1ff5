// What the docs browser tests look at, run inside the page. Written as source strings: the server
// tsconfig has no DOM lib (workers types), and these only ever run in chromium.
import type { Page } from 'playwright-core';

/** Every text node of the whole document outside code, pre, kbd, samp, script, style and textarea. */
const BACKTICK_PROBE = `(() => {
  const skip = new Set(['CODE', 'PRE', 'KBD', 'SAMP', 'SCRIPT', 'STYLE', 'TEXTAREA', 'NOSCRIPT', 'TEMPLATE']);
  const hits = [];
  const walk = (root) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.nodeValue || '';
      if (text.split('\\u0060').length < 3) continue;
      let parent = node.parentElement;
      let isCode = false;
      for (; parent; parent = parent.parentElement) if (skip.has(parent.tagName)) { isCode = true; break; }
      if (!isCode) hits.push(text.trim().replace(/\\s+/g, ' ').slice(0, 120));
    }
    for (const element of root.querySelectorAll('*')) if (element.shadowRoot) walk(element.shadowRoot);
  };
  walk(document);
  return hits;
})()`;

/** Mermaid sources still shown as text, and rendered diagrams (an svg inside a mermaid figure). */
const MERMAID_PROBE = `(() => {
  const keywords = /^\\s*(sequenceDiagram|flowchart|graph (TD|LR)|stateDiagram|classDiagram|erDiagram)\\b/;
  const raw = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.parentElement && node.parentElement.closest('svg, script, style')) continue;
    if (keywords.test(node.nodeValue || '')) raw.push((node.nodeValue || '').trim().slice(0, 60));
  }
  const rendered = [...document.querySelectorAll('.mermaid, [data-mermaid]')].filter((el) => el.querySelector('svg')).length;
  return { raw, rendered };
})()`;

/**
 * Fixed or sticky elements (menus, buttons, banners) that cover a line of content: a paragraph,
 * heading, list item, table cell or code block they are not part of, at the current scroll position.
 */
const OVERLAP_PROBE = `(() => {
  const visible = (el) => {
    const style = getComputedStyle(el);
    const box = el.getBoundingClientRect();
    return style.visibility !== 'hidden' && style.display !== 'none' && Number(style.opacity) > 0 && box.width > 0 && box.height > 0;
  };
  const floating = [...document.querySelectorAll('body *')].filter((el) => {
    const position = getComputedStyle(el).position;
    return (position === 'fixed' || position === 'sticky') && visible(el);
  });
  const content = [...document.querySelectorAll('p, h1, h2, h3, h4, li, td, th, pre, dd, dt')].filter(visible);
  const overlaps = [];
  for (const over of floating) {
    const a = over.getBoundingClientRect();
    for (const item of content) {
      if (over.contains(item) || item.contains(over)) continue;
      const b = item.getBoundingClientRect();
      const width = Math.min(a.right, b.right) - Math.max(a.left, b.left);
      const height = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
      if (width > 2 && height > 2) {
        const name = (el) => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + (el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\\s+/).slice(0, 2).join('.') : '');
        overlaps.push(name(over) + ' covers ' + name(item) + ' "' + (item.textContent || '').trim().slice(0, 40) + '"');
        break;
      }
    }
  }
  return overlaps;
})()`;

export function textNodesWithBackticks(page: Page): Promise<string[]> {
  return page.evaluate(BACKTICK_PROBE) as Promise<string[]>;
}

export function mermaidState(page: Page): Promise<{ raw: string[]; rendered: number }> {
  return page.evaluate(MERMAID_PROBE) as Promise<{ raw: string[]; rendered: number }>;
}

/** Overlaps at the top of the page and at a quarter, half and three quarters of its height. */
export async function floatingOverlaps(page: Page): Promise<string[]> {
  const found = new Set<string>();
  for (const share of [0, 0.25, 0.5, 0.75]) {
    await page.evaluate(`window.scrollTo(0, document.documentElement.scrollHeight * ${share})`);
    for (const overlap of (await page.evaluate(OVERLAP_PROBE)) as string[]) found.add(overlap);
  }
  await page.evaluate('window.scrollTo(0, 0)');
  return [...found];
}

/** data-sample kinds and whether an example is shown, per `[data-doc-item]` (operationId or message name). */
export function documentedItems(page: Page): Promise<Record<string, { example: boolean; samples: string[] }>> {
  return page.evaluate(`(() => {
    const items = {};
    for (const el of document.querySelectorAll('[data-doc-item]')) {
      items[el.getAttribute('data-doc-item')] = {
        example: el.querySelector('[data-example] pre, pre[data-example]') !== null,
        samples: [...el.querySelectorAll('[data-sample]')].map((s) => s.getAttribute('data-sample')),
      };
    }
    return items;
  })()`) as Promise<Record<string, { example: boolean; samples: string[] }>>;
}
