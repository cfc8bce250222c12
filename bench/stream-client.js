/**
 * The reading end of the streaming benchmarks, run as its own process (see writers.js):
 * `node stream-client.js '<task JSON>'` prints one result per run as JSON, times in monotonic ms.
 * A task either POSTs to the plugin and reads its event stream, or reads the same kind of stream
 * straight from the fake model server with the OpenAI SDK.
 */
const http = require('node:http');

// The system's monotonic clock, the same in every process: the benchmark lines its own marks up
// with these (a process's performance.timeOrigin is only as precise as the wall clock).
const now = () => Number(process.hrtime.bigint()) / 1e6;

/** POSTs and reads the event stream: when it was sent, the first `delta` came and it ended. */
const throughPlugin = ({ port, token, path, body }) =>
  new Promise((resolve, reject) => {
    const started = now();
    let firstAt;
    let text = '';
    let buffered = '';
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        path,
        method: 'POST',
        headers: {
          Authorization: `Bearer ${token}`,
          Accept: 'text/event-stream',
          'Content-Type': 'application/json',
        },
      },
      (res) => {
        res.setEncoding('utf8');
        res.on('data', (chunk) => {
          buffered += chunk;
          let end;
          while ((end = buffered.indexOf('\n\n')) >= 0) {
            const block = buffered.slice(0, end);
            buffered = buffered.slice(end + 2);
            if (block.startsWith('event: delta')) {
              firstAt ??= now();
              text += JSON.parse(block.split('\ndata: ')[1]).text;
            } else if (block.startsWith('event: error')) {
              reject(new Error(block));
            }
          }
        });
        res.on('end', () => resolve({ started, firstAt, last: now(), text }));
      },
    );
    req.on('error', reject);
    req.end(JSON.stringify(body));
  });

const direct = async (client) => {
  const started = now();
  let firstAt;
  let text = '';
  const stream = await client.chat.completions.create({
    model: 'gpt-4o-mini',
    messages: [{ role: 'user', content: 'Write.' }],
    stream: true,
  });
  for await (const chunk of stream) {
    const delta = chunk.choices[0]?.delta?.content ?? '';
    if (delta) {
      firstAt ??= now();
      text += delta;
    }
  }
  return { started, firstAt, last: now(), text };
};

(async () => {
  const task = JSON.parse(process.argv[2]);
  let client;
  if (task.baseURL) {
    const OpenAI = require(require.resolve('openai', { paths: [__dirname] })).default;
    client = new OpenAI({ apiKey: 'sk-bench', baseURL: task.baseURL });
  }
  const results = [];
  for (let i = 0; i < task.warmup + task.runs; i += 1) {
    const result = client ? await direct(client) : await throughPlugin(task);
    if (i >= task.warmup) results.push(result);
  }
  process.stdout.write(JSON.stringify(results));
})().catch((error) => {
  console.error(error);
  process.exit(1);
});
