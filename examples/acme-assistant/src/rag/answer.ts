import OpenAI from 'openai';
import { retrieve } from './retrieve.js';

const openai = new OpenAI();

// Pinned snapshot: answers are regression-tested against this exact model.
const ANSWER_MODEL = 'gpt-4o-2024-08-06';

const SYSTEM = `You are Acme's support assistant. Answer only from the passages given.
If the passages do not contain the answer, say you don't know and offer a human agent.`;

export async function answer(question: string): Promise<{ text: string; sources: string[] }> {
  const passages = await retrieve(question);
  const context = passages.map((p, i) => `[${i + 1}] ${p.title}\n${p.text}`).join('\n\n');
  const completion = await openai.chat.completions.create({
    model: ANSWER_MODEL,
    temperature: 0.2,
    messages: [
      { role: 'system', content: SYSTEM },
      { role: 'user', content: `Passages:\n${context}\n\nQuestion: ${question}` },
    ],
  });
  return {
    text: completion.choices[0]?.message.content ?? '',
    sources: passages.map((p) => p.id),
  };
}
