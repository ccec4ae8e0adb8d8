// The independent reader of issue 15's acceptance check: Foxglove's own MCAP and ROS 2 libraries read a file that
// Sim2Real wrote, linearly (every record, CRCs validated) and through its index, decode every message with the
// schema stored in the file, and print what they found as one JSON object. Usage: node read-mcap.mjs FILE.mcap
import { readFile } from "node:fs/promises";
import { McapIndexedReader, McapStreamReader } from "@mcap/core";
import { loadDecompressHandlers } from "@mcap/support";
import { parse } from "@foxglove/rosmsg";
import { MessageReader } from "@foxglove/rosmsg2-serialization";

const path = process.argv[2];
if (!path) {
  console.error("usage: node read-mcap.mjs FILE.mcap");
  process.exit(2);
}

const bytes = new Uint8Array(await readFile(path));
const decompressHandlers = await loadDecompressHandlers();
const problems = [];

// Linear: the stream reader validates chunk and attachment CRCs as it goes.
const stream = new McapStreamReader({ decompressHandlers, validateCrcs: true, includeChunks: true });
stream.append(bytes);
const linearRecordCounts = {};
let linearMessages = 0;
for (let record; (record = stream.nextRecord()); ) {
  linearRecordCounts[record.type] = (linearRecordCounts[record.type] ?? 0) + 1;
  if (record.type === "Message") {
    linearMessages++;
  }
}

// Indexed: footer, summary, chunk indexes, message indexes.
const readable = {
  size: async () => BigInt(bytes.length),
  read: async (offset, length) => bytes.subarray(Number(offset), Number(offset + length)),
};
const reader = await McapIndexedReader.Initialize({ readable, decompressHandlers });
const decoders = new Map();
const topics = {};
for await (const message of reader.readMessages({ validateCrcs: true })) {
  const channel = reader.channelsById.get(message.channelId);
  const schema = reader.schemasById.get(channel.schemaId);
  if (channel.messageEncoding !== "cdr" || schema?.encoding !== "ros2msg") {
    problems.push(`${channel.topic}: message encoding ${channel.messageEncoding}, schema encoding ${schema?.encoding}`);
    continue;
  }

  let decoder = decoders.get(schema.id);
  if (!decoder) {
    decoder = new MessageReader(parse(new TextDecoder().decode(schema.data), { ros2: true }));
    decoders.set(schema.id, decoder);
  }

  const decoded = decoder.readMessage(message.data);
  const topic = (topics[channel.topic] ??= {
    type: schema.name,
    schemaEncoding: schema.encoding,
    messageEncoding: channel.messageEncoding,
    offeredQosProfiles: channel.metadata.get("offered_qos_profiles"),
    count: 0,
    first: decoded,
  });
  topic.count++;
  topic.last = decoded;
}

const attachments = [];
for await (const attachment of reader.readAttachments({ validateCrcs: true })) {
  attachments.push({ name: attachment.name, mediaType: attachment.mediaType, text: new TextDecoder().decode(attachment.data) });
}

const metadata = [];
for await (const record of reader.readMetadata()) {
  metadata.push({ name: record.name, values: Object.fromEntries(record.metadata) });
}

const statistics = reader.statistics;
const channelMessageCounts = {};
for (const [id, count] of statistics?.channelMessageCounts ?? []) {
  channelMessageCounts[reader.channelsById.get(id).topic] = count;
}

const summary = {
  header: reader.header,
  streamDone: stream.done(),
  linearMessages,
  linearRecordCounts,
  dataSectionCrc: reader.dataSectionCrc,
  chunkCompressions: [...new Set(reader.chunkIndexes.map((c) => c.compression))],
  statistics: statistics && { ...statistics, channelMessageCounts },
  topics,
  attachments,
  metadata,
  problems,
};
// bigint as decimal strings, typed arrays as plain lists.
console.log(
  JSON.stringify(summary, (_, value) =>
    typeof value === "bigint" ? value.toString() : ArrayBuffer.isView(value) ? Array.from(value) : value,
  ),
);
