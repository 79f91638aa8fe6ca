'use strict';
// One member of a clustering consumer group, for split-and-exactly-once tests.
// Subscribes <topic> in <group>; once it holds exactly <expectQueues> queues
// it creates the file <readyFile>; after its first message it exits when
// <idleMs> pass without a new one (or at <timeoutMs>). Prints one JSON line per
// message ({body, queueId, queueOffset}) and then {done, received, queues, errors}.
//
// usage: node consume_group.js <namesrvAddr> <topic> <group> <expectQueues> <readyFile> <idleMs> <timeoutMs>

const fs = require('fs');
const { Consumer } = require('ali-ons');

const [nameSrv, topic, group, expectArg, readyFile, idleArg, timeoutArg] = process.argv.slice(2);
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
  let last = 0;
  consumer.subscribe(topic, '*', async msg => {
    received++;
    last = Date.now();
    process.stdout.write(JSON.stringify({
      body: msg.body.toString(), queueId: msg.queueId, queueOffset: msg.queueOffset,
    }) + '\n');
  });
  await consumer.ready();
  const started = Date.now();
  let ready = false;
  const queues = () => [ ...consumer._processQueueTable.keys() ].filter(k => k.includes(`topic="${topic}"`));
  await new Promise(resolve => {
    const tick = setInterval(() => {
      if (!ready && queues().length === Number(expectArg)) {
        ready = true;
        fs.writeFileSync(readyFile, 'ready');
      }
      const idle = received > 0 && Date.now() - last > Number(idleArg);
      if (idle || Date.now() - started > Number(timeoutArg)) {
        clearInterval(tick);
        resolve();
      }
    }, 50);
  });
  const held = queues();
  await consumer.close();
  process.stdout.write(JSON.stringify({ done: true, received, queues: held, errors }) + '\n', () => process.exit(0));
}

main().catch(err => {
  console.error(err && err.stack || err);
  process.exit(1);
});
