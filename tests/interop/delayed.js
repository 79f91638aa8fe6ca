'use strict';
// Sends one message with delayTimeLevel <level> to <topic> through an ali-ons producer, and
// receives it through an ali-ons push consumer started before the send; prints one JSON line:
// {sentAt, ackedAt, arrivedAt, msgId, receivedMsgId, body, delay, errors} (times in epoch ms;
// arrivedAt is null if it did not arrive within <timeoutMs>).
//
// usage: node delayed.js <namesrvAddr> <topic> <level> <timeoutMs>

const { Producer, Consumer, Message } = require('ali-ons');

const [nameSrv, topic, levelArg, timeoutArg] = process.argv.slice(2);
const logger = { info() {}, debug() {}, warn: (...a) => console.error('[warn]', ...a), error: (...a) => console.error('[error]', ...a) };

async function main() {
  const errors = [];
  const consumer = new Consumer({
    nameSrv,
    httpclient: {},
    consumerGroup: 'MQ_INTEROP_DELAYED',
    consumeFromWhere: 'CONSUME_FROM_FIRST_OFFSET',
    logger,
  });
  consumer.on('error', err => errors.push(String(err && err.message)));
  let arrived = null;
  let finish;
  const done = new Promise(resolve => { finish = resolve; });
  consumer.subscribe(topic, '*', async msg => {
    if (!arrived) {
      arrived = { at: Date.now(), msgId: msg.msgId, body: msg.body.toString(), delay: msg.properties && msg.properties.DELAY };
      finish();
    }
  });
  await consumer.ready();

  const producer = new Producer({ nameSrv, httpclient: {}, producerGroup: 'MQ_INTEROP_DELAYED_P', logger });
  producer.on('error', err => errors.push(String(err && err.message)));
  await producer.ready();
  const msg = new Message(topic, 'TagD', Buffer.from('delayed hello'));
  msg.delayTimeLevel = Number(levelArg);
  const sentAt = Date.now();
  const r = await producer.send(msg);
  const ackedAt = Date.now();
  if (r.sendStatus !== 'SEND_OK') errors.push('send status ' + r.sendStatus);

  const timer = setTimeout(finish, Number(timeoutArg));
  await done;
  clearTimeout(timer);
  await producer.close();
  await consumer.close();
  const out = {
    sentAt, ackedAt, arrivedAt: arrived && arrived.at, msgId: r.msgId,
    receivedMsgId: arrived && arrived.msgId, body: arrived && arrived.body,
    delay: arrived && arrived.delay, errors,
  };
  process.stdout.write(JSON.stringify(out) + '\n', () => process.exit(0));
}

main().catch(err => {
  console.error(err && err.stack || err);
  process.exit(1);
});
