import express from 'express';
import { z } from 'zod';
import { answer } from './answer.js';

const app = express();
app.use(express.json({ limit: '64kb' }));

const Ask = z.object({ question: z.string().min(3).max(2000) });

app.post('/ask', async (req, res) => {
  const parsed = Ask.safeParse(req.body);
  if (!parsed.success) {
    res.status(400).json({ error: 'question must be 3 to 2000 characters' });
    return;
  }
  const result = await answer(parsed.data.question);
  res.json(result);
});

const port = Number(process.env.PORT ?? 3000);
app.listen(port, '127.0.0.1', () => {
  console.log(`acme-assistant listening on 127.0.0.1:${port}`);
});
