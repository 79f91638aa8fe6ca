'use strict';
// Asks a name server for the route of a topic through ali-ons's own producer
// code paths and prints, as one JSON line on stdout, what ali-ons made of the
// answer: the error it raised, or the route plus the message queues it derives
// for publishing and subscribing.
//
// usage: node namesrv_route.js <namesrvAddr> <topic>

const { Producer } = require('ali-ons');

const [nameSrv, topic] = process.argv.slice(2);
if (!nameSrv || !topic) {
  console.error('usage: node namesrv_route.js <namesrvAddr> <topic>');
  process.exit(2);
}

// Messages go to stderr so stdout stays one JSON document.
const logger = {
  info() {},
  debug() {},
  warn: (...a) => console.error('[warn]', ...a),
  error: (...a) => console.error('[error]', ...a),
};

const queues = list => list.map(({ topic, brokerName, queueId }) => ({ topic, brokerName, queueId }));

async function main() {
  const errors = [];
  const producer = new Producer({
    nameSrv,
    httpclient: {}, // required, only used for onsAddr lookups (we give nameSrv)
    producerGroup: 'MQ_INTEROP_PRODUCER',
    logger,
    pollNameServerInteval: 3600 * 1000,
    heartbeatBrokerInterval: 3600 * 1000,
    rebalanceInterval: 3600 * 1000,
    persistConsumerOffsetInterval: 3600 * 1000,
  });
  producer.on('error', err => errors.push(String(err && err.message)));
  await producer.ready();

  let result;
  try {
    // The producer's own lookup: what send() does before picking a queue.
    const info = await producer.tryToFindTopicPublishInfo(topic);
    const client = producer._mqClient;
    const route = client._topicRouteTable.get(topic);
    result = {
      ok: true,
      route,
      publishQueues: queues(info.messageQueueList),
      subscribeQueues: queues(client._topicRouteData2TopicSubscribeInfo(topic, route)),
      brokerAddrTable: Object.fromEntries(client._brokerAddrTable),
      publishAddr: Object.fromEntries(
        route.brokerDatas.map(b => [ b.brokerName, client.findBrokerAddressInPublish(b.brokerName) ])),
    };
  } catch (err) {
    result = { ok: false, error: { name: err.name, code: err.code, message: err.message } };
  }

  // No broker listens at the fake addresses: forget them so close() does not
  // try to send UNREGISTER_CLIENT to them.
  producer._mqClient._brokerAddrTable.clear();
  await producer.close();
  if (Producer.defaultProducer) {
    Producer.defaultProducer._mqClient._brokerAddrTable.clear();
    await Producer.defaultProducer.close();
  }
  result.errors = errors;
  process.stdout.write(JSON.stringify(result) + '\n', () => process.exit(0));
}

main().catch(err => {
  console.error(err && err.stack || err);
  process.exit(1);
});
