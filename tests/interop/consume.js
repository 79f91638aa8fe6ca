'use strict';
// Consumes <topic> in consumer group <group> through an ali-ons push consumer
// until <count> messages have arrived or <timeoutMs> passes; prints one JSON
// line per message ({msgId, topic, tags, keys, body, queueId, queueOffset}) and
// then a summary line {done: true, received, errors}.
//
// usage: node consume.js <namesrvAddr> <topic> <group> <count> <timeoutMs>

const { Consumer } = require('ali-ons');

const [nameSrv, topic, group, countArg, timeoutArg] = process.argv.slice(2);
const count = Number(countArg);
const logger = { info() {}, debug() {}, warn: (...a) => console.error('[warn]', ...a), error: (...a) => console.error('[error]', ...a) };

async function main() {
  const consumer = new Consumer({
    nameSrv,
    httpclient: {},
    consumerGroup: group,
    consumeFromWhere: 'CONSUME_FROM_FIRST_OFFSET',
    logger,
  });
  const errors = [];
  consumer.on('error', err => errors.push(String(err && err.message)));
  let received = 0;
  let finish;
  const done = new Promise(resolve => { finish = resolve; });
  consumer.subscribe(topic, '*', async msg => {
    received++;
    process.stdout.write(JSON.stringify({
      msgId: msg.msgId, topic: msg.topic, tags: msg.tags, keys: msg.keys,
      body: msg.body.toString(), queueId: msg.queueId, queueOffset: msg.queueOffset,
    }) + '\n');
    if (received >= count) finish();
  });
  await consumer.ready();
  const timer = setTimeout(finish, Number(timeoutArg));
  await done;
  clearTimeout(timer);
  await consumer.close();
  process.stdout.write(JSON.stringify({ done: true, received, errors }) + '\n', () => process.exit(0));
}

main().catch(err => {
  console.error(err && err.stack || err);
  process.exit(1);
});
