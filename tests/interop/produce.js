'use strict';
// Sends <count> messages to <topic> with tag <tag>, keys key-<i> and bodies
// "Hello RocketMQ <i>" through an ali-ons producer; prints one JSON line:
// {sent, failed, errors, results: [{msgId, queueId, queueOffset, status}]}.
//
// usage: node produce.js <namesrvAddr> <topic> <count> <tag>

const { Producer, Message } = require('ali-ons');

const [nameSrv, topic, countArg, tag] = process.argv.slice(2);
const count = Number(countArg);
const logger = { info() {}, debug() {}, warn: (...a) => console.error('[warn]', ...a), error: (...a) => console.error('[error]', ...a) };

async function main() {
  const producer = new Producer({
    nameSrv,
    httpclient: {},
    producerGroup: 'MQ_INTEROP_PRODUCER',
    logger,
  });
  const errors = [];
  producer.on('error', err => errors.push(String(err && err.message)));
  await producer.ready();
  const results = [];
  let failed = 0;
  for (let i = 0; i < count; i++) {
    const msg = new Message(topic, tag, Buffer.from(`Hello RocketMQ ${i}`));
    msg.keys = [ `key-${i}` ];
    try {
      const r = await producer.send(msg);
      results.push({ msgId: r.msgId, queueId: r.messageQueue.queueId, queueOffset: r.queueOffset, status: r.sendStatus });
      if (r.sendStatus !== 'SEND_OK') failed++;
    } catch (err) {
      failed++;
      errors.push(String(err && err.message));
    }
  }
  await producer.close();
  if (Producer.defaultProducer) await Producer.defaultProducer.close();
  const out = { sent: results.length, failed, errors, results };
  process.stdout.write(JSON.stringify(out) + '\n', () => process.exit(0));
}

main().catch(err => {
  console.error(err && err.stack || err);
  process.exit(1);
});
