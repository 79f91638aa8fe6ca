'use strict';
// Sends <count> messages to <topic> through an ali-ons producer, each with
// setStartDeliverTime(<deliverAtMs>) (the __STARTDELIVERTIME property Aliyun's
// brokers deliver at); prints one JSON line: {sent, failed, errors, msgIds}.
//
// usage: node produce_timed.js <namesrvAddr> <topic> <count> <deliverAtMs>

const { Producer, Message } = require('ali-ons');

const [nameSrv, topic, countArg, deliverAtArg] = process.argv.slice(2);
const count = Number(countArg);
const deliverAt = Number(deliverAtArg);
const logger = { info() {}, debug() {}, warn: (...a) => console.error('[warn]', ...a), error: (...a) => console.error('[error]', ...a) };

async function main() {
  const producer = new Producer({
    nameSrv,
    httpclient: {},
    producerGroup: 'MQ_INTEROP_TIMED_PRODUCER',
    logger,
  });
  const errors = [];
  producer.on('error', err => errors.push(String(err && err.message)));
  await producer.ready();
  const msgIds = [];
  let failed = 0;
  for (let i = 0; i < count; i++) {
    const msg = new Message(topic, 'Timed', Buffer.from(`timed ${i}`));
    msg.setStartDeliverTime(deliverAt);
    try {
      const r = await producer.send(msg);
      msgIds.push(r.msgId);
      if (r.sendStatus !== 'SEND_OK') failed++;
    } catch (err) {
      failed++;
      errors.push(String(err && err.message));
    }
  }
  await producer.close();
  if (Producer.defaultProducer) await Producer.defaultProducer.close();
  const out = { sent: msgIds.length, failed, errors, msgIds };
  process.stdout.write(JSON.stringify(out) + '\n', () => process.exit(0));
}

main().catch(err => {
  console.error(err && err.stack || err);
  process.exit(1);
});
