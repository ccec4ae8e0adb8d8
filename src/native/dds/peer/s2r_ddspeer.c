// A plain Cyclone DDS C program, built from idlc's output for the ROS 2 IDL: the "other side" for interop tests.
// It shares no code with the C# transport: it (de)serializes through Cyclone's descriptor-driven CDR stream.
//
//   s2r_ddspeer echo <prefix> <count-per-type> <timeout-s> <Type_>...
//       for each type: read rt/<prefix>/in/<Type_>, write the deserialized sample back on rt/<prefix>/out/<Type_>
//   s2r_ddspeer talk <topic> <text> <count>        publish std_msgs/String samples "<text> <i>" on rt/<topic>
//   s2r_ddspeer impostor <topic> <type-name> <count>
//       publish std_msgs/String bytes under another type name (a wire-level mismatch the reader must survive)
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <dds/dds.h>

#include "builtin_interfaces.h"
#include "std_msgs.h"
#include "geometry_msgs.h"
#include "sensor_msgs.h"
#include "trajectory_msgs.h"
#include "diagnostic_msgs.h"

#define TYPE(pkg, name) { #name, &pkg##_msg_dds__##name##_desc }
static const struct { const char *name; const dds_topic_descriptor_t *desc; } types[] = {
  TYPE(builtin_interfaces, Time_), TYPE(builtin_interfaces, Duration_),
  TYPE(std_msgs, Header_), TYPE(std_msgs, String_), TYPE(std_msgs, Bool_),
  TYPE(std_msgs, MultiArrayDimension_), TYPE(std_msgs, MultiArrayLayout_), TYPE(std_msgs, Float64MultiArray_),
  TYPE(sensor_msgs, Image_), TYPE(sensor_msgs, CompressedImage_), TYPE(sensor_msgs, CameraInfo_),
  TYPE(sensor_msgs, RegionOfInterest_), TYPE(sensor_msgs, JointState_), TYPE(sensor_msgs, Imu_),
  TYPE(geometry_msgs, Twist_), TYPE(geometry_msgs, Pose_), TYPE(geometry_msgs, Vector3_),
  TYPE(geometry_msgs, Quaternion_), TYPE(geometry_msgs, Point_),
  TYPE(trajectory_msgs, JointTrajectory_), TYPE(trajectory_msgs, JointTrajectoryPoint_),
  TYPE(diagnostic_msgs, DiagnosticArray_), TYPE(diagnostic_msgs, DiagnosticStatus_), TYPE(diagnostic_msgs, KeyValue_),
};
#define NTYPES (sizeof(types) / sizeof(types[0]))

static int fail(const char *what, dds_return_t rc)
{
  fprintf(stderr, "s2r_ddspeer: %s: %s\n", what, dds_strretcode(rc));
  return 1;
}

static dds_qos_t *ros_default_qos(void)
{
  dds_qos_t *qos = dds_create_qos();
  dds_qset_reliability(qos, DDS_RELIABILITY_RELIABLE, DDS_INFINITY);
  dds_qset_history(qos, DDS_HISTORY_KEEP_LAST, 10);
  dds_qset_durability(qos, DDS_DURABILITY_VOLATILE);
  dds_data_representation_id_t xcdr1 = DDS_DATA_REPRESENTATION_XCDR1;
  dds_qset_data_representation(qos, 1, &xcdr1);
  return qos;
}

static const dds_topic_descriptor_t *find_type(const char *name)
{
  for (size_t i = 0; i < NTYPES; i++)
    if (strcmp(types[i].name, name) == 0)
      return types[i].desc;
  return NULL;
}

// Waits until the writer has matched a reader, so the first samples are not published into the void.
static void await_match(dds_entity_t writer, dds_duration_t timeout)
{
  dds_time_t end = dds_time() + timeout;
  dds_publication_matched_status_t st;
  while (dds_time() < end) {
    if (dds_get_publication_matched_status(writer, &st) == 0 && st.current_count > 0)
      return;
    dds_sleepfor(DDS_MSECS(10));
  }
}

static int echo(dds_entity_t pp, const char *prefix, int count, int timeout_s, int ntypes, char **names)
{
  dds_qos_t *qos = ros_default_qos();
  dds_entity_t ws = dds_create_waitset(pp);
  dds_entity_t *readers = calloc((size_t)ntypes, sizeof(dds_entity_t));
  dds_entity_t *writers = calloc((size_t)ntypes, sizeof(dds_entity_t));
  int *seen = calloc((size_t)ntypes, sizeof(int));
  for (int i = 0; i < ntypes; i++) {
    const dds_topic_descriptor_t *desc = find_type(names[i]);
    if (desc == NULL) {
      fprintf(stderr, "s2r_ddspeer: unknown type %s\n", names[i]);
      return 2;
    }
    char in[256], out[256];
    snprintf(in, sizeof in, "rt/%s/in/%s", prefix, names[i]);
    snprintf(out, sizeof out, "rt/%s/out/%s", prefix, names[i]);
    dds_entity_t tin = dds_create_topic(pp, desc, in, NULL, NULL);
    dds_entity_t tout = dds_create_topic(pp, desc, out, NULL, NULL);
    if (tin < 0 || tout < 0)
      return fail(in, tin < 0 ? tin : tout);
    readers[i] = dds_create_reader(pp, tin, qos, NULL);
    writers[i] = dds_create_writer(pp, tout, qos, NULL);
    if (readers[i] < 0 || writers[i] < 0)
      return fail(in, readers[i] < 0 ? readers[i] : writers[i]);
    dds_entity_t rc = dds_create_readcondition(readers[i], DDS_ANY_STATE);
    dds_waitset_attach(ws, rc, i);
  }
  printf("ready\n");
  fflush(stdout);
  int done = 0;
  dds_time_t end = dds_time() + DDS_SECS(timeout_s);
  while (done < ntypes && dds_time() < end) {
    dds_attach_t triggered[64];
    dds_return_t n = dds_waitset_wait_until(ws, triggered, 64, end);
    for (dds_return_t k = 0; k < n && k < 64; k++) {
      int i = (int)triggered[k];
      void *samples[1] = { NULL };
      dds_sample_info_t info[1];
      while (dds_take(readers[i], samples, info, 1, 1) > 0) {
        if (info[0].valid_data) {
          await_match(writers[i], DDS_SECS(5));
          dds_return_t wr = dds_write(writers[i], samples[0]);
          if (wr < 0)
            return fail("write", wr);
          if (++seen[i] == count)
            done++;
        }
        dds_return_loan(readers[i], samples, 1);
        samples[0] = NULL;
      }
    }
  }
  for (int i = 0; i < ntypes; i++)
    printf("%s %d\n", names[i], seen[i]);
  // Let reliable retransmissions finish before the participant goes away.
  for (int i = 0; i < ntypes; i++)
    dds_wait_for_acks(writers[i], DDS_SECS(5));
  dds_delete_qos(qos);
  return done == ntypes ? 0 : 3;
}

static int talk(dds_entity_t pp, const char *topic, const char *text, int count)
{
  char name[256];
  snprintf(name, sizeof name, "rt/%s", topic);
  dds_qos_t *qos = ros_default_qos();
  dds_entity_t tp = dds_create_topic(pp, &std_msgs_msg_dds__String__desc, name, NULL, NULL);
  dds_entity_t wr = dds_create_writer(pp, tp, qos, NULL);
  if (wr < 0)
    return fail(name, wr);
  await_match(wr, DDS_SECS(10));
  char buf[512];
  for (int i = 0; i < count; i++) {
    snprintf(buf, sizeof buf, "%s %d", text, i);
    std_msgs_msg_dds__String_ msg = { .data = buf };
    dds_return_t rc = dds_write(wr, &msg);
    if (rc < 0)
      return fail("write", rc);
  }
  dds_wait_for_acks(wr, DDS_SECS(5));
  dds_delete_qos(qos);
  return 0;
}

static int impostor(dds_entity_t pp, const char *topic, const char *type_name, int count)
{
  // std_msgs/String's descriptor under another name, without XTypes metadata so matching goes by name alone.
  dds_topic_descriptor_t desc;
  memcpy(&desc, &std_msgs_msg_dds__String__desc, sizeof desc);
  *(const char **)&desc.m_typename = type_name;
  *(uint32_t *)&desc.m_flagset &= ~(uint32_t)DDS_TOPIC_XTYPES_METADATA;
  char name[256];
  snprintf(name, sizeof name, "rt/%s", topic);
  dds_qos_t *qos = ros_default_qos();
  dds_entity_t tp = dds_create_topic(pp, &desc, name, NULL, NULL);
  dds_entity_t wr = tp < 0 ? tp : dds_create_writer(pp, tp, qos, NULL);
  if (wr < 0)
    return fail(name, wr);
  await_match(wr, DDS_SECS(10));
  for (int i = 0; i < count; i++) {
    std_msgs_msg_dds__String_ msg = { .data = "not an image" };
    dds_return_t rc = dds_write(wr, &msg);
    if (rc < 0)
      return fail("write", rc);
  }
  dds_wait_for_acks(wr, DDS_SECS(5));
  dds_delete_qos(qos);
  return 0;
}

int main(int argc, char **argv)
{
  if (argc < 2) {
    fprintf(stderr, "usage: s2r_ddspeer echo|talk|impostor ...\n");
    return 2;
  }
  const char *domain_env = getenv("ROS_DOMAIN_ID");
  dds_domainid_t domain = domain_env ? (dds_domainid_t)atoi(domain_env) : 0;
  dds_entity_t pp = dds_create_participant(domain, NULL, NULL);
  if (pp < 0)
    return fail("create participant", pp);
  int rc = 2;
  if (strcmp(argv[1], "echo") == 0 && argc >= 6)
    rc = echo(pp, argv[2], atoi(argv[3]), atoi(argv[4]), argc - 5, argv + 5);
  else if (strcmp(argv[1], "talk") == 0 && argc == 5)
    rc = talk(pp, argv[2], argv[3], atoi(argv[4]));
  else if (strcmp(argv[1], "impostor") == 0 && argc == 5)
    rc = impostor(pp, argv[2], argv[3], atoi(argv[4]));
  else
    fprintf(stderr, "s2r_ddspeer: bad arguments\n");
  dds_delete(pp);
  return rc;
}
