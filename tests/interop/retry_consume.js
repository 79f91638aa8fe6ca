'use strict';
// An ali-ons consumer whose handler throws on a message's first attempt: ali-ons answers the
// failure with CONSUMER_SEND_MSG_BACK (falling back to a send of its own only if that fails,
// which it reports as an 'error'). Prints one JSON line per attempt
// ({body, topic, reconsumeTimes, msgId, uniqKey, retryTopic, originMessageId, keys, tags}); exits once
// <count> messages were seen again with reconsumeTimes >= 1 (or at <timeoutMs>), then prints
// {done, retried, errors}.
//
// usage: node retry_consume.js <namesrvAddr> <topic> <group> <count> <timeoutMs>

const { Consumer } = require('ali-ons');

const [nameSrv, topic, group, countArg, timeoutArg] = process.argv.slice(2);
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
  const retried = new Set();
  consumer.subscribe(topic, '*', async msg => {
    process.stdout.write(JSON.stringify({
      body: msg.body.toString(),
      topic: msg.topic,
      reconsumeTimes: msg.reconsumeTimes,
      msgId: msg.msgId,
      uniqKey: (msg.properties && msg.properties.UNIQ_KEY) || null,
      retryTopic: msg.retryTopic || null,
      originMessageId: msg.originMessageId || null,
      keys: msg.keys || null,
      tags: msg.tags || null,
    }) + '\n');
    if (msg.reconsumeTimes === 0) {
      throw new Error('failed on purpose');
    }
    retried.add(msg.originMessageId || msg.msgId);
  });
  await consumer.ready();
  const started = Date.now();
  await new Promise(resolve => {
    const tick = setInterval(() => {
      if (retried.size >= Number(countArg) || Date.now() - started > Number(timeoutArg)) {
        clearInterval(tick);
        resolve();
      }
    }, 50);
  });
  await consumer.close();
  process.stdout.write(JSON.stringify({ done: true, retried: retried.size, errors }) + '\n', () => process.exit(0));
}

main().catch(err => {
  console.error(err && err.stack || err);
  process.exit(1);
});
