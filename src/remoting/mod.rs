//! The RocketMQ remoting layer: frames, RemotingCommand, codecs, client and server.
