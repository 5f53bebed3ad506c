import { describe, expect, it } from 'vitest';
import { formJsMessagesVi, translateFormJsMessage } from '../../../src/app/forms/index.js';

describe('Vietnamese translations of form-js browser messages', () => {
  it('translates fixed messages', () => {
    expect(translateFormJsMessage('Field is required.')).toBe('Trường này là bắt buộc.');
    expect(translateFormJsMessage('Field must be a valid email.')).toBe('Địa chỉ email không hợp lệ.');
  });

  it('carries the numbers of parameterised messages over', () => {
    expect(translateFormJsMessage('Field must have maximum length of 500.')).toBe(
      'Độ dài tối đa là 500 ký tự.',
    );
    expect(translateFormJsMessage('Field must have minimum value of 0.')).toBe(
      'Giá trị phải lớn hơn hoặc bằng 0.',
    );
    expect(
      translateFormJsMessage('Please select a valid value, the two nearest valid values are 0.5 and 0.75.'),
    ).toBe('Giá trị không hợp lệ; hai giá trị hợp lệ gần nhất là 0.5 và 0.75.');
  });

  it('leaves an unknown message as it is, and has no untranslated entry', () => {
    expect(translateFormJsMessage('Something else.')).toBe('Something else.');
    for (const { en, vi } of formJsMessagesVi) expect(vi).not.toBe(en);
  });
});

describe('server messages', () => {
  it('are all Vietnamese', async () => {
    const { messagesVi } = await import('../../../src/app/forms/messages.vi.js');
    for (const [name, message] of Object.entries(messagesVi)) {
      const text =
        typeof message === 'function' ? (message as (...args: string[]) => string)('1', '2') : message;
      expect(text, name).toMatch(/[àáảãạăắằẳẵặâấầẩẫậèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵđ]/iu);
    }
  });
});
