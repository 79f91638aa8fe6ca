'use strict';
// Through ali-ons with ACL credentials (accessKeyId/accessKeySecret, which it
// signs every request with): sends <count> messages to <topic>, then, unless
// <group> is "-", consumes them in <group> until all arrived or <timeoutMs>
// passes. Prints one JSON line: {sent, failed, received, errors}.
//
// usage: node acl_roundtrip.js <namesrvAddr> <accessKey> <secretKey> <topic> <group> <count> <timeoutMs>

const { Producer, Consumer, Message } = require('ali-ons');

const [nameSrv, accessKeyId, accessKeySecret, topic, group, countArg, timeoutArg] = process.argv.slice(2);
const count = Number(countArg);
const logger = { info() {}, debug() {}, warn: (...a) => console.error('[warn]', ...a), error: (...a) => console.error('[error]', ...a) };
const errors = [];

async function produce() {
  const producer = new Producer({
    nameSrv, accessKeyId, accessKeySecret, httpclient: {}, logger,
    producerGroup: 'MQ_ACL_INTEROP_PRODUCER',
  });
  producer.on('error', err => errors.push(String(err && err.message)));
  await producer.ready();
  let sent = 0;
  let failed = 0;
  for (let i = 0; i < count; i++) {
    const msg = new Message(topic, 'acl', Buffer.from(`acl message ${i}`));
    try {
      const r = await producer.send(msg);
      if (r.sendStatus === 'SEND_OK') sent++; else failed++;
    } catch (err) {
      failed++;
      errors.push(String(err && err.message));
    }
  }
  await producer.close();
  return { sent, failed };
}

async function consume() {
  const consumer = new Consumer({
    nameSrv, accessKeyId, accessKeySecret, httpclient: {}, logger,
    consumerGroup: group,
    consumeFromWhere: 'CONSUME_FROM_FIRST_OFFSET',
  });
  consumer.on('error', err => errors.push(String(err && err.message)));
  const bodies = new Set();
  let finish;
  const done = new Promise(resolve => { finish = resolve; });
  consumer.subscribe(topic, '*', async msg => {
    bodies.add(msg.body.toString());
    if (bodies.size >= count) finish();
  });
  await consumer.ready();
  const timer = setTimeout(finish, Number(timeoutArg));
  await done;
  clearTimeout(timer);
  await consumer.close();
  return bodies.size;
}

async function main() {
  const { sent, failed } = await produce();
  const received = group === '-' ? 0 : await consume();
  const out = { sent, failed, received, errors };
  process.stdout.write(JSON.stringify(out) + '\n', () => process.exit(0));
}

main().catch(err => {
  console.error(err && err.stack || err);
  process.exit(1);
});
