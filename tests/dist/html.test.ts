import { FileSystemConfigLoader, HtmlValidate } from 'html-validate';
import { describe, expect, it } from 'vitest';
import { distFiles, distRoot } from './dist-files';

// Every built page against html-validate's recommended rules (.htmlvalidate.json says which are relaxed and why).
const validator = new HtmlValidate(new FileSystemConfigLoader());

describe('dist/ HTML', () => {
  it.each(distFiles('.html'))('%s is valid', async (file) => {
    const report = await validator.validateFile(`${distRoot}/${file}`);
    const messages = report.results.flatMap((result) =>
      result.messages.map((message) => `${message.ruleId}: ${message.message} (${message.selector ?? ''})`),
    );
    expect(messages).toEqual([]);
  });
});
