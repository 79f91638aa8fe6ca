'use strict';
// Sends <count> messages to <topic> with tag <tag>, keys <tag>-<i> and bodies
// "<tag> <i>" through one ali-ons producer, waiting <intervalMs> between sends,
// and prints one JSON line per send as soon as it is answered:
// {i, ok, status, msgId, brokerName, queueId, queueOffset} or {i, ok: false, error};
// then {done, sent, acked, failed, closeError}. `acked` counts SEND_OK answers, the only
// ones a SYNC_MASTER gives once the slave has the message.
// The route period is 1 s instead of ali-ons' 30 s, so a producer learns a
// dead master's absence (and a restarted one) quickly.
//
// usage: node produce_failover.js <namesrvAddr> <topic> <count> <tag> <intervalMs>

const { Producer, Message } = require('ali-ons');

const [nameSrv, topic, countArg, tag, intervalArg] = process.argv.slice(2);
const count = Number(countArg);
const interval = Number(intervalArg);
const logger = { info() {}, debug() {}, warn: (...a) => console.error('[warn]', ...a), error: (...a) => console.error('[error]', ...a) };
const sleep = ms => new Promise(resolve => setTimeout(resolve, ms));

async function main() {
  const producer = new Producer({
    nameSrv,
    httpclient: {},
    producerGroup: 'MQ_FAILOVER_PRODUCER',
    pollNameServerInteval: 1000,
    logger,
  });
  producer.on('error', err => console.error('[producer error]', err && err.message));
  await producer.ready();
  let acked = 0;
  let failed = 0;
  for (let i = 0; i < count; i++) {
    const msg = new Message(topic, tag, Buffer.from(`${tag} ${i}`));
    msg.keys = [ `${tag}-${i}` ];
    let line;
    try {
      const r = await producer.send(msg);
      const ok = r.sendStatus === 'SEND_OK';
      if (ok) acked++; else failed++;
      line = { i, ok, status: r.sendStatus, msgId: r.msgId, brokerName: r.messageQueue.brokerName,
        queueId: r.messageQueue.queueId, queueOffset: r.queueOffset };
    } catch (err) {
      failed++;
      line = { i, ok: false, error: String(err && err.message) };
    }
    process.stdout.write(JSON.stringify(line) + '\n');
    if (interval > 0) await sleep(interval);
  }
  // close() unregisters from every broker the client ever knew, the dead one too
  // until a heartbeat has dropped it: its refusal is reported, not fatal.
  let closeError = null;
  try {
    await producer.close();
    if (Producer.defaultProducer) await Producer.defaultProducer.close();
  } catch (err) {
    closeError = String(err && err.message);
  }
  process.stdout.write(JSON.stringify({ done: true, sent: count, acked, failed, closeError }) + '\n', () => process.exit(0));
}

main().catch(err => {
  console.error(err && err.stack || err);
  process.exit(1);
});
