/* fw-json-read.c
 *
 * Copyright 2026 The Framewise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "fw-json-read.h"

/* Type-checked readers for JSON that Framewise wrote itself but that may
 * have been edited or damaged since (save files, hand-ins). json-glib's own
 * getters warn when a member has another type; these return a fallback
 * instead, so that a damaged file is reported, never a crash. */

/**
 * fw_json_member_array:
 * @object: an object
 * @member: a member name
 *
 * Returns: (transfer none) (nullable): the member if it is an array
 */
JsonArray *
fw_json_member_array (JsonObject *object,
                      const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  return node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

/**
 * fw_json_member_object:
 * @object: an object
 * @member: a member name
 *
 * Returns: (transfer none) (nullable): the member if it is an object
 */
JsonObject *
fw_json_member_object (JsonObject *object,
                       const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

/**
 * fw_json_node_string:
 * @node: (nullable): a node
 *
 * Returns: (transfer none) (nullable): the string @node holds, or %NULL
 *   when it holds anything else
 */
const char *
fw_json_node_string (JsonNode *node)
{
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node)
      || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  return json_node_get_string (node);
}

/**
 * fw_json_node_int:
 * @node: (nullable): a node
 * @fallback: the value to return when @node holds no integer
 *
 * Returns: the integer @node holds, or @fallback
 */
gint64
fw_json_node_int (JsonNode *node,
                  gint64    fallback)
{
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node)
      || json_node_get_value_type (node) != G_TYPE_INT64)
    return fallback;

  return json_node_get_int (node);
}

/**
 * fw_json_member_string:
 * @object: an object
 * @member: a member name
 *
 * Returns: (transfer none) (nullable): the member if it is a string
 */
const char *
fw_json_member_string (JsonObject *object,
                       const char *member)
{
  return fw_json_node_string (json_object_get_member (object, member));
}

/**
 * fw_json_member_int:
 * @object: an object
 * @member: a member name
 * @fallback: the value to return when the member is missing or no integer
 *
 * Returns: the member's integer value, or @fallback
 */
gint64
fw_json_member_int (JsonObject *object,
                    const char *member,
                    gint64      fallback)
{
  return fw_json_node_int (json_object_get_member (object, member), fallback);
}

/**
 * fw_json_member_double:
 * @object: an object
 * @member: a member name
 * @fallback: the value to return when the member is missing or no number
 *
 * Returns: the member's value (an integer is converted), or @fallback
 */
double
fw_json_member_double (JsonObject *object,
                       const char *member,
                       double      fallback)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return fallback;
  if (json_node_get_value_type (node) == G_TYPE_DOUBLE)
    return json_node_get_double (node);
  if (json_node_get_value_type (node) == G_TYPE_INT64)
    return (double) json_node_get_int (node);

  return fallback;
}

/**
 * fw_json_member_boolean:
 * @object: an object
 * @member: a member name
 * @fallback: the value to return when the member is missing or no boolean
 *
 * Returns: the member's value, or @fallback
 */
gboolean
fw_json_member_boolean (JsonObject *object,
                        const char *member,
                        gboolean    fallback)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node)
      || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    return fallback;

  return json_node_get_boolean (node);
}

/**
 * fw_json_element_object:
 * @array: an array
 * @index: an index below the array's length
 *
 * Returns: (transfer none) (nullable): the element if it is an object
 */
JsonObject *
fw_json_element_object (JsonArray *array,
                        guint      index)
{
  JsonNode *node = json_array_get_element (array, index);

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}
