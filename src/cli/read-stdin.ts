import { BotError } from '../errors.js';

/** Reads all of stdin as UTF-8, refusing more than `maxBytes` or bytes that are not UTF-8 (ERR_BAD_INPUT). */
export async function readStdin(stdin: NodeJS.ReadableStream, maxBytes: number): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stdin) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    size += buffer.length;
    if (size > maxBytes) throw new BotError('ERR_BAD_INPUT', `input is larger than ${maxBytes} bytes`);
    chunks.push(buffer);
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks)).replace(/^\uFEFF/, '');
  } catch {
    throw new BotError('ERR_BAD_INPUT', 'input is not valid UTF-8');
  }
}
