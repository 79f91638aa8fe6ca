'use strict';
// A long-running ali-ons push consumer for fail-over tests: subscribes <topic>
// in <group> from the first offset and prints one JSON line per message
// ({msgId, tags, keys, body, queueId, queueOffset}) as it arrives, until the
// file <stopFile> exists (or <timeoutMs> passes); then it closes the consumer
// (persisting its offsets) and prints {done, received, pullsFoundFrom, errors}.
// pullsFoundFrom counts, per broker address, the pulls that brought messages,
// so a test can tell which broker (master or slave) served the consumer.
// Route, heartbeat, rebalance and offset-persist periods are 1 s instead of
// ali-ons' 30/30/10/5 s, so a fail-over test does not wait on them.
// With [handlerDelayMs] > 0 each message takes that long to handle and the
// consumer pulls only a few messages ahead, so a backlog stays on the broker;
// [readyFile] is written once the consumer holds [expectQueues] (default 1)
// queues of <topic>: a JSON map from each queue it took to the offset it
// started at (read from the broker, or its consumeFromWhere for a new group).
//
// usage: node consume_failover.js <namesrvAddr> <topic> <group> <stopFile> <timeoutMs> [handlerDelayMs] [readyFile] [expectQueues]

const fs = require('fs');
const { Consumer } = require('ali-ons');

const [nameSrv, topic, group, stopFile, timeoutArg, delayArg, readyFile, expectArg] = process.argv.slice(2);
const expectQueues = Number(expectArg || 1);
const handlerDelay = Number(delayArg || 0);
const sleep = ms => new Promise(resolve => setTimeout(resolve, ms));
// Flow control at 4 messages per queue, retried after 100 ms (ali-ons: 500, 5 s).
const slowOptions = handlerDelay > 0 ? {
  pullBatchSize: 4, pullThresholdForQueue: 4, pullTimeDelayMillsWhenFlowControl: 100,
} : {};
const logger = { info() {}, debug() {}, warn: (...a) => console.error('[warn]', ...a), error: (...a) => console.error('[error]', ...a) };

async function main() {
  const consumer = new Consumer({
    nameSrv,
    httpclient: {},
    consumerGroup: group,
    consumeFromWhere: 'CONSUME_FROM_FIRST_OFFSET',
    pollNameServerInteval: 1000,
    heartbeatBrokerInterval: 1000,
    rebalanceInterval: 1000,
    persistConsumerOffsetInterval: 1000,
    ...slowOptions,
    logger,
  });
  const errors = [];
  consumer.on('error', err => {
    errors.push(String(err && err.message));
    console.error('[consumer error]', err && err.message);
  });
  const pullsFoundFrom = {};
  const client = consumer._mqClient;
  const pullMessage = client.pullMessage.bind(client);
  client.pullMessage = async (addr, ...rest) => {
    const result = await pullMessage(addr, ...rest);
    if (result && result.msgFoundList && result.msgFoundList.length) {
      pullsFoundFrom[addr] = (pullsFoundFrom[addr] || 0) + 1;
    }
    return result;
  };
  const startOffsets = {};
  const computePullFromWhere = consumer.computePullFromWhere.bind(consumer);
  consumer.computePullFromWhere = async messageQueue => {
    const offset = await computePullFromWhere(messageQueue);
    startOffsets[messageQueue.key] = offset;
    return offset;
  };
  let received = 0;
  consumer.subscribe(topic, '*', async msg => {
    if (handlerDelay > 0) await sleep(handlerDelay);
    received++;
    process.stdout.write(JSON.stringify({
      msgId: msg.msgId, tags: msg.tags, keys: msg.keys,
      body: msg.body.toString(), queueId: msg.queueId, queueOffset: msg.queueOffset,
    }) + '\n');
  });
  await consumer.ready();
  const started = Date.now();
  await new Promise(resolve => {
    const tick = setInterval(() => {
      const held = [ ...consumer._processQueueTable.keys() ].filter(k => k.includes(`topic="${topic}"`));
      if (readyFile && !fs.existsSync(readyFile) && held.length >= expectQueues) {
        const offsets = {};
        for (const k of held) offsets[k] = startOffsets[k];
        // Written whole under another name, then renamed: a reader never sees half of it.
        fs.writeFileSync(readyFile + '.tmp', JSON.stringify(offsets));
        fs.renameSync(readyFile + '.tmp', readyFile);
      }
      if (fs.existsSync(stopFile) || Date.now() - started > Number(timeoutArg)) {
        clearInterval(tick);
        resolve();
      }
    }, 50);
  });
  await consumer.close();
  process.stdout.write(JSON.stringify({ done: true, received, pullsFoundFrom, errors }) + '\n', () => process.exit(0));
}

main().catch(err => {
  console.error(err && err.stack || err);
  process.exit(1);
});
