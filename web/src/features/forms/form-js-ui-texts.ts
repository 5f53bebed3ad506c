/**
 * form-js 1.23 also writes a few interface words in English with no way to configure them (the empty select, the
 * search box of selects and tag lists, the empty dropdown). They are replaced in the rendered form as it changes.
 */
const texts: Record<string, string> = {
  Select: 'Chọn',
  Search: 'Tìm kiếm',
  'No results': 'Không có kết quả',
  'All values selected': 'Đã chọn tất cả',
};

/** Only inside these form-js elements, so a form's own labels and values are never touched. */
const TEXT_HOSTS = '.fjs-select-display, .fjs-dropdownlist-empty';

function translateWithin(root: Element): void {
  for (const host of root.querySelectorAll(TEXT_HOSTS))
    for (const node of host.childNodes)
      if (node.nodeType === Node.TEXT_NODE && node.textContent && texts[node.textContent])
        node.textContent = texts[node.textContent] ?? node.textContent;
  for (const input of root.querySelectorAll<HTMLInputElement>('input[placeholder]')) {
    const translated = texts[input.placeholder];
    if (translated && input.closest('.fjs-form-field-select, .fjs-form-field-taglist'))
      input.placeholder = translated;
  }
}

/** Keeps form-js's own words in Vietnamese while the form lives; returns the function that stops it. */
export function translateFormJsTexts(container: Element): () => void {
  translateWithin(container);
  const observer = new MutationObserver(() => translateWithin(container));
  observer.observe(container, {
    subtree: true,
    childList: true,
    characterData: true,
    attributes: true,
    attributeFilter: ['placeholder'],
  });
  return () => observer.disconnect();
}
