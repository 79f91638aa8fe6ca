//! Typed request and response headers, with RocketMQ's field names
//! (`org.apache.rocketmq.common.protocol.header.*`).

use crate::command_header;
use crate::remoting::HeaderStr;

// ---- name server ----

command_header! {
    /// GET_ROUTEINFO_BY_TOPIC (105).
    pub struct GetRouteInfoRequestHeader {
        topic: String => "topic",
        accept_standard_json_only: Option<bool> => "acceptStandardJsonOnly",
    }
}

command_header! {
    /// REGISTER_BROKER (103).
    pub struct RegisterBrokerRequestHeader {
        broker_name: String => "brokerName",
        broker_addr: String => "brokerAddr",
        cluster_name: String => "clusterName",
        ha_server_addr: String => "haServerAddr",
        broker_id: i64 => "brokerId",
        compressed: Option<bool> => "compressed",
        body_crc32: Option<i32> => "bodyCrc32",
        heartbeat_timeout_millis: Option<i64> => "heartbeatTimeoutMillis",
    }
}

command_header! {
    /// REGISTER_BROKER's response: where a slave finds its master.
    pub struct RegisterBrokerResponseHeader {
        ha_server_addr: Option<String> => "haServerAddr",
        master_addr: Option<String> => "masterAddr",
    }
}

command_header! {
    /// UNREGISTER_BROKER (104).
    pub struct UnregisterBrokerRequestHeader {
        broker_name: String => "brokerName",
        broker_addr: String => "brokerAddr",
        cluster_name: String => "clusterName",
        broker_id: i64 => "brokerId",
    }
}

command_header! {
    /// QUERY_DATA_VERSION (322).
    pub struct QueryDataVersionRequestHeader {
        broker_name: String => "brokerName",
        broker_addr: String => "brokerAddr",
        cluster_name: String => "clusterName",
        broker_id: i64 => "brokerId",
    }
}

command_header! {
    pub struct QueryDataVersionResponseHeader {
        changed: Option<bool> => "changed",
    }
}

command_header! {
    /// PUT_KV_CONFIG (100).
    pub struct PutKvConfigRequestHeader {
        namespace: String => "namespace",
        key: String => "key",
        value: String => "value",
    }
}

command_header! {
    /// GET_KV_CONFIG (101) and DELETE_KV_CONFIG (102).
    pub struct KvConfigKeyHeader {
        namespace: String => "namespace",
        key: String => "key",
    }
}

command_header! {
    pub struct GetKvConfigResponseHeader {
        value: Option<String> => "value",
    }
}

command_header! {
    /// GET_KVLIST_BY_NAMESPACE (219).
    pub struct GetKvListByNamespaceRequestHeader {
        namespace: String => "namespace",
    }
}

command_header! {
    /// DELETE_TOPIC_IN_NAMESRV (216); clusterName limits it to one cluster (5.x).
    pub struct DeleteTopicFromNamesrvRequestHeader {
        topic: String => "topic",
        cluster_name: Option<String> => "clusterName",
    }
}

command_header! {
    /// GET_TOPICS_BY_CLUSTER (224).
    pub struct GetTopicsByClusterRequestHeader {
        cluster: String => "cluster",
    }
}

command_header! {
    /// WIPE_WRITE_PERM_OF_BROKER (205) and ADD_WRITE_PERM_OF_BROKER (327).
    pub struct BrokerNameHeader {
        broker_name: String => "brokerName",
    }
}

// ---- producer ----

command_header! {
    /// SEND_MESSAGE (10) with RocketMQ's long field names; SEND_MESSAGE_V2
    /// (310) and SEND_BATCH_MESSAGE (320) carry the same fields as `a`..`n`
    /// (see `SendMessageRequestHeaderV2`).
    pub struct SendMessageRequestHeader {
        producer_group: HeaderStr => "producerGroup",
        topic: HeaderStr => "topic",
        default_topic: HeaderStr => "defaultTopic",
        default_topic_queue_nums: i32 => "defaultTopicQueueNums",
        queue_id: i32 => "queueId",
        sys_flag: i32 => "sysFlag",
        born_timestamp: i64 => "bornTimestamp",
        flag: i32 => "flag",
        properties: Option<HeaderStr> => "properties",
        reconsume_times: Option<i32> => "reconsumeTimes",
        unit_mode: Option<bool> => "unitMode",
        batch: Option<bool> => "batch",
        max_reconsume_times: Option<i32> => "maxReconsumeTimes",
        broker_name: Option<HeaderStr> => "bname",
    }
}

command_header! {
    /// SEND_MESSAGE_V2's short field names, the Java client's default.
    pub struct SendMessageRequestHeaderV2 {
        a: HeaderStr => "a",
        b: HeaderStr => "b",
        c: HeaderStr => "c",
        d: i32 => "d",
        e: i32 => "e",
        f: i32 => "f",
        g: i64 => "g",
        h: i32 => "h",
        i: Option<HeaderStr> => "i",
        j: Option<i32> => "j",
        k: Option<bool> => "k",
        l: Option<i32> => "l",
        m: Option<bool> => "m",
        n: Option<HeaderStr> => "n",
    }
}

command_header! {
    /// PUSH_REPLY_MESSAGE_TO_CLIENT (326): a reply the broker pushes to its requester
    /// (Java's ReplyMessageRequestHeader): the reply's send header, plus where and when
    /// the broker received it.
    pub struct ReplyMessageRequestHeader {
        producer_group: String => "producerGroup",
        topic: String => "topic",
        default_topic: String => "defaultTopic",
        default_topic_queue_nums: i32 => "defaultTopicQueueNums",
        queue_id: i32 => "queueId",
        sys_flag: i32 => "sysFlag",
        born_timestamp: i64 => "bornTimestamp",
        flag: i32 => "flag",
        properties: Option<String> => "properties",
        reconsume_times: Option<i32> => "reconsumeTimes",
        unit_mode: Option<bool> => "unitMode",
        born_host: String => "bornHost",
        store_host: String => "storeHost",
        store_timestamp: i64 => "storeTimestamp",
    }
}

impl From<SendMessageRequestHeaderV2> for SendMessageRequestHeader {
    fn from(v: SendMessageRequestHeaderV2) -> Self {
        SendMessageRequestHeader {
            producer_group: v.a,
            topic: v.b,
            default_topic: v.c,
            default_topic_queue_nums: v.d,
            queue_id: v.e,
            sys_flag: v.f,
            born_timestamp: v.g,
            flag: v.h,
            properties: v.i,
            reconsume_times: v.j,
            unit_mode: v.k,
            max_reconsume_times: v.l,
            batch: v.m,
            broker_name: v.n,
        }
    }
}

impl From<SendMessageRequestHeader> for SendMessageRequestHeaderV2 {
    fn from(v: SendMessageRequestHeader) -> Self {
        SendMessageRequestHeaderV2 {
            a: v.producer_group,
            b: v.topic,
            c: v.default_topic,
            d: v.default_topic_queue_nums,
            e: v.queue_id,
            f: v.sys_flag,
            g: v.born_timestamp,
            h: v.flag,
            i: v.properties,
            j: v.reconsume_times,
            k: v.unit_mode,
            l: v.max_reconsume_times,
            m: v.batch,
            n: v.broker_name,
        }
    }
}

command_header! {
    /// The answer to a send: the offset message id (comma-joined for a batch),
    /// the queue and the queue offset (of the first message of a batch).
    pub struct SendMessageResponseHeader {
        msg_id: String => "msgId",
        queue_id: i32 => "queueId",
        queue_offset: i64 => "queueOffset",
        transaction_id: Option<String> => "transactionId",
    }
}

command_header! {
    /// UNREGISTER_CLIENT (35).
    pub struct UnregisterClientRequestHeader {
        client_id: String => "clientID",
        producer_group: Option<String> => "producerGroup",
        consumer_group: Option<String> => "consumerGroup",
    }
}

// ---- consumer ----

command_header! {
    /// PULL_MESSAGE (11).
    pub struct PullMessageRequestHeader {
        consumer_group: String => "consumerGroup",
        topic: String => "topic",
        queue_id: i32 => "queueId",
        queue_offset: i64 => "queueOffset",
        max_msg_nums: i32 => "maxMsgNums",
        sys_flag: i32 => "sysFlag",
        commit_offset: i64 => "commitOffset",
        suspend_timeout_millis: i64 => "suspendTimeoutMillis",
        subscription: Option<String> => "subscription",
        sub_version: i64 => "subVersion",
        expression_type: Option<String> => "expressionType",
        broker_name: Option<String> => "bname",
    }
}

command_header! {
    pub struct PullMessageResponseHeader {
        suggest_which_broker_id: i64 => "suggestWhichBrokerId",
        next_begin_offset: i64 => "nextBeginOffset",
        min_offset: i64 => "minOffset",
        max_offset: i64 => "maxOffset",
    }
}

command_header! {
    /// QUERY_CONSUMER_OFFSET (14).
    pub struct QueryConsumerOffsetRequestHeader {
        consumer_group: String => "consumerGroup",
        topic: String => "topic",
        queue_id: i32 => "queueId",
    }
}

command_header! {
    /// UPDATE_CONSUMER_OFFSET (15).
    pub struct UpdateConsumerOffsetRequestHeader {
        consumer_group: String => "consumerGroup",
        topic: String => "topic",
        queue_id: i32 => "queueId",
        commit_offset: i64 => "commitOffset",
    }
}

command_header! {
    /// The `offset` answer of QUERY_CONSUMER_OFFSET, GET_MAX_OFFSET,
    /// GET_MIN_OFFSET and SEARCH_OFFSET_BY_TIMESTAMP.
    pub struct OffsetResponseHeader {
        offset: i64 => "offset",
    }
}

command_header! {
    /// GET_MAX_OFFSET (30), GET_MIN_OFFSET (31), GET_EARLIEST_MSG_STORETIME (32).
    pub struct QueueRequestHeader {
        topic: String => "topic",
        queue_id: i32 => "queueId",
    }
}

command_header! {
    /// SEARCH_OFFSET_BY_TIMESTAMP (29).
    pub struct SearchOffsetRequestHeader {
        topic: String => "topic",
        queue_id: i32 => "queueId",
        timestamp: i64 => "timestamp",
    }
}

command_header! {
    pub struct GetEarliestMsgStoretimeResponseHeader {
        timestamp: i64 => "timestamp",
    }
}

command_header! {
    /// GET_CONSUMER_LIST_BY_GROUP (38) and NOTIFY_CONSUMER_IDS_CHANGED (40).
    pub struct ConsumerGroupHeader {
        consumer_group: String => "consumerGroup",
    }
}

command_header! {
    /// CONSUMER_SEND_MSG_BACK (36).
    pub struct ConsumerSendMsgBackRequestHeader {
        offset: i64 => "offset",
        group: String => "group",
        delay_level: i32 => "delayLevel",
        origin_msg_id: Option<String> => "originMsgId",
        origin_topic: Option<String> => "originTopic",
        unit_mode: Option<bool> => "unitMode",
        max_reconsume_times: Option<i32> => "maxReconsumeTimes",
    }
}

command_header! {
    /// END_TRANSACTION (37), oneway from the producer: the outcome of the local transaction of
    /// the half message at `commitLogOffset` / `tranStateTableOffset` (its half queue offset).
    /// `commitOrRollback` is a sysflag transaction value: 0 unknown, 8 commit, 12 rollback.
    pub struct EndTransactionRequestHeader {
        topic: Option<String> => "topic",
        producer_group: String => "producerGroup",
        tran_state_table_offset: i64 => "tranStateTableOffset",
        commit_log_offset: i64 => "commitLogOffset",
        commit_or_rollback: i32 => "commitOrRollback",
        from_transaction_check: Option<bool> => "fromTransactionCheck",
        msg_id: String => "msgId",
        transaction_id: Option<String> => "transactionId",
    }
}

command_header! {
    /// CHECK_TRANSACTION_STATE (39), oneway from the broker to a producer of the half message's
    /// group; the body is the half message, encoded as a pull carries it. `msgId` and
    /// `transactionId` are its UNIQ_KEY, `offsetMsgId` its offset message id.
    pub struct CheckTransactionStateRequestHeader {
        topic: Option<String> => "topic",
        tran_state_table_offset: i64 => "tranStateTableOffset",
        commit_log_offset: i64 => "commitLogOffset",
        msg_id: Option<String> => "msgId",
        transaction_id: Option<String> => "transactionId",
        offset_msg_id: Option<String> => "offsetMsgId",
    }
}

// ---- messages and topics ----

command_header! {
    /// QUERY_MESSAGE (12): by key, or by UNIQ_KEY with ext `_UNIQUE_KEY_QUERY=true`.
    pub struct QueryMessageRequestHeader {
        topic: String => "topic",
        key: String => "key",
        max_num: i32 => "maxNum",
        begin_timestamp: i64 => "beginTimestamp",
        end_timestamp: i64 => "endTimestamp",
    }
}

command_header! {
    pub struct QueryMessageResponseHeader {
        index_last_update_timestamp: i64 => "indexLastUpdateTimestamp",
        index_last_update_phyoffset: i64 => "indexLastUpdatePhyoffset",
    }
}

command_header! {
    /// VIEW_MESSAGE_BY_ID (33): a commit log offset.
    pub struct ViewMessageRequestHeader {
        offset: i64 => "offset",
    }
}

command_header! {
    /// UPDATE_AND_CREATE_TOPIC (17).
    pub struct CreateTopicRequestHeader {
        topic: String => "topic",
        default_topic: String => "defaultTopic",
        read_queue_nums: i32 => "readQueueNums",
        write_queue_nums: i32 => "writeQueueNums",
        perm: i32 => "perm",
        topic_filter_type: String => "topicFilterType",
        topic_sys_flag: Option<i32> => "topicSysFlag",
        order: bool => "order",
    }
}

// ---- admin (broker) ----

command_header! {
    /// GET_TOPIC_STATS_INFO (202), DELETE_TOPIC_IN_BROKER (215) and
    /// QUERY_TOPIC_CONSUME_BY_WHO (300): just a topic.
    pub struct TopicRequestHeader {
        topic: String => "topic",
    }
}

command_header! {
    /// GET_CONSUME_STATS (208): without a topic, every topic the group has
    /// offsets for.
    pub struct GetConsumeStatsRequestHeader {
        consumer_group: String => "consumerGroup",
        topic: Option<String> => "topic",
    }
}

command_header! {
    /// GET_PRODUCER_CONNECTION_LIST (204).
    pub struct GetProducerConnectionListRequestHeader {
        producer_group: String => "producerGroup",
    }
}

command_header! {
    /// DELETE_SUBSCRIPTIONGROUP (207): `removeOffset` in 4.x, `cleanOffset` in 5.x.
    pub struct DeleteSubscriptionGroupRequestHeader {
        group_name: String => "groupName",
        remove_offset: Option<bool> => "removeOffset",
        clean_offset: Option<bool> => "cleanOffset",
    }
}

command_header! {
    /// INVOKE_BROKER_TO_RESET_OFFSET (222) and RESET_CONSUMER_CLIENT_OFFSET
    /// (220). `timestamp` -1 means the queue's max offset; 5.x adds a single
    /// `queueId` and an exact `offset`.
    pub struct ResetOffsetRequestHeader {
        topic: String => "topic",
        group: String => "group",
        timestamp: i64 => "timestamp",
        is_force: bool => "isForce",
        queue_id: Option<i32> => "queueId",
        offset: Option<i64> => "offset",
    }
}

command_header! {
    /// GET_CONSUMER_RUNNING_INFO (307), forwarded by the broker to the client.
    pub struct GetConsumerRunningInfoRequestHeader {
        consumer_group: String => "consumerGroup",
        client_id: String => "clientId",
        jstack_enable: Option<bool> => "jstackEnable",
    }
}

command_header! {
    /// CONSUME_MESSAGE_DIRECTLY (309), forwarded by the broker to the client
    /// with the message as the body.
    pub struct ConsumeMessageDirectlyResultRequestHeader {
        consumer_group: String => "consumerGroup",
        client_id: Option<String> => "clientId",
        msg_id: Option<String> => "msgId",
        broker_name: Option<String> => "brokerName",
        topic: Option<String> => "topic",
    }
}

command_header! {
    /// GET_BROKER_CONFIG's answer: the config's data version as JSON.
    pub struct GetBrokerConfigResponseHeader {
        version: Option<String> => "version",
    }
}
