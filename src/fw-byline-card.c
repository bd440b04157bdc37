/* fw-byline-card.c
 *
 * Copyright 2026 The Framewise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "fw-byline-card.h"
#include "fw-plain-text.h"

/* The byline card shows who stands behind a piece and how sure we are of
 * each part. What is not stated is shown as not stated, with a line on why
 * that matters: a missing byline is itself something to notice.
 *
 * Where the pack says the piece was found, the outlet's home page and where
 * a byline was checked are shown as addresses: plain text, never fetched
 * and never opened (data/packs/README.md, "Safe with any file"). An
 * address can be selected with the mouse, and a Copy button beside it
 * puts it on the clipboard, so that a student can check it in a browser
 * of their choosing.
 *
 * For the keyboard the card is one stop, not one per label: its labels do
 * not take the focus (addresses are selectable with the mouse only, their
 * Copy buttons serve the keyboard), and the card itself takes the focus.
 * Screen readers announce it as the group "Byline" whose description is
 * the whole byline in reading order, addresses included, and can still
 * read each label inside it. */

struct _FwBylineCard
{
  GtkWidget parent_instance;

  GtkWidget *box;
  GtkLabel *title_label;
  GtkGrid *grid;
  guint n_rows;
  GString *description;
};

G_DEFINE_FINAL_TYPE (FwBylineCard, fw_byline_card, GTK_TYPE_WIDGET)

static GtkWidget *
plain_label (const char *text,
             const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_widget_set_hexpand (label, TRUE);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);

  return label;
}

/**
 * fw_byline_card_new_confidence_badge:
 * @confidence: how sure the pack is of a byline entry
 *
 * Creates the badge the byline card puts after an entry ("Confirmed",
 * "Unconfirmed", "Not stated"), in its style, for other views that show
 * a byline the card's way.
 *
 * Returns: (transfer floating): a new label
 */
GtkWidget *
fw_byline_card_new_confidence_badge (FwConfidence confidence)
{
  GtkWidget *badge = gtk_label_new (fw_confidence_to_label (confidence));

  gtk_widget_add_css_class (badge, "confidence");
  switch (confidence)
    {
    case FW_CONFIDENCE_CONFIRMED:
      gtk_widget_add_css_class (badge, "confirmed");
      break;
    case FW_CONFIDENCE_UNCONFIRMED:
      gtk_widget_add_css_class (badge, "unconfirmed");
      break;
    case FW_CONFIDENCE_NOT_STATED:
    default:
      gtk_widget_add_css_class (badge, "not-stated");
      break;
    }
  gtk_widget_set_valign (badge, GTK_ALIGN_START);
  gtk_widget_set_halign (badge, GTK_ALIGN_START);

  return badge;
}

/* A line of widgets side by side. A grid, not a horizontal box: a box
 * measures each child's width for the line's height when it allocates,
 * and a wrapping label answers that by laying itself out at one width
 * after another (a binary search), about eight layouts a label each time
 * the card is allocated. A grid measures widths for any height. */
static GtkWidget *
line_new (int spacing)
{
  GtkWidget *line = gtk_grid_new ();

  gtk_grid_set_column_spacing (GTK_GRID (line), (guint) spacing);
  return line;
}

static void
line_append (GtkWidget *line,
             GtkWidget *child)
{
  int column = 0;

  for (GtkWidget *c = gtk_widget_get_first_child (line); c != NULL; c = gtk_widget_get_next_sibling (c))
    column++;
  gtk_grid_attach (GTK_GRID (line), child, column, 0, 1, 1);
}

/* Adds one row: a heading, a value with its confidence, and optional notes
 * below the value. Returns the box that holds the value and its notes. */
static GtkWidget *
add_row (FwBylineCard *self,
         const char   *heading,
         const char   *value,
         FwConfidence  confidence,
         const char   *note,
         const char   *second_note)
{
  GtkWidget *heading_label = gtk_label_new (heading);
  GtkWidget *value_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *line = line_new (8);

  gtk_label_set_xalign (GTK_LABEL (heading_label), 1.0);
  gtk_label_set_yalign (GTK_LABEL (heading_label), 0.0);
  gtk_widget_set_valign (heading_label, GTK_ALIGN_START);
  gtk_widget_add_css_class (heading_label, "dim-label");
  gtk_widget_add_css_class (heading_label, "byline-heading");

  line_append (line, plain_label (value, NULL));
  line_append (line, fw_byline_card_new_confidence_badge (confidence));
  gtk_box_append (GTK_BOX (value_box), line);
  if (note != NULL)
    gtk_box_append (GTK_BOX (value_box), plain_label (note, "byline-note"));
  if (second_note != NULL)
    gtk_box_append (GTK_BOX (value_box), plain_label (second_note, "byline-note"));

  gtk_grid_attach (self->grid, heading_label, 0, self->n_rows, 1, 1);
  gtk_grid_attach (self->grid, value_box, 1, self->n_rows, 1, 1);
  self->n_rows++;

  /* TRANSLATORS: one line of a byline for screen readers: "HEADING: VALUE
   * (CONFIDENCE).", e.g. "Outlet: CivilNet (online news outlet) (Confirmed)." */
  g_string_append_printf (self->description, _("%s: %s (%s)."), heading, value,
                          fw_confidence_to_label (confidence));
  g_string_append_c (self->description, '\n');
  if (note != NULL)
    g_string_append_printf (self->description, "%s\n", note);
  if (second_note != NULL)
    g_string_append_printf (self->description, "%s\n", second_note);

  return value_box;
}

/* An address from the pack as a line: @prefix (nullable) before it, the
 * address as selectable plain text on one line, shortened in the middle
 * when the column is too narrow, and a button that copies the whole of it,
 * named @copy_name: a card can have several, each for its own address. */
static GtkWidget *
address_line (const char *prefix,
              const char *address,
              const char *copy_name)
{
  GtkWidget *line = line_new (6);
  GtkWidget *label = gtk_label_new (address);
  GtkWidget *copy = gtk_button_new_from_icon_name ("edit-copy-symbolic");

  if (prefix != NULL)
    {
      GtkWidget *prefix_label = gtk_label_new (prefix);

      gtk_widget_set_valign (prefix_label, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (prefix_label, "byline-note");
      line_append (line, prefix_label);
    }

  /* One line, shortened in the middle where the column is too narrow, so
   * that both the site and the end of the address show; the whole of it
   * is in the tooltip and the Copy button copies it. */
  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_MIDDLE);
  gtk_label_set_single_line_mode (GTK_LABEL (label), TRUE);
  gtk_widget_set_tooltip_text (label, address);
  /* Selectable with the mouse, but no keyboard stop: a selectable label
   * that cannot take the focus still claims it from Tab in GTK 4.8
   * (gtk_label_focus() returns TRUE) unless it is left out of the focus
   * chain altogether. */
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_widget_set_focusable (label, FALSE);
  gtk_widget_set_can_focus (label, FALSE);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (label, "byline-note");
  gtk_widget_add_css_class (label, "byline-address");
  line_append (line, label);

  gtk_widget_set_valign (copy, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (copy, copy_name);
  gtk_widget_add_css_class (copy, "flat");
  gtk_widget_add_css_class (copy, "byline-copy");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (copy), "byline.copy-address");
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (copy), g_variant_new_string (address));
  gtk_accessible_update_property (GTK_ACCESSIBLE (copy),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, copy_name,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, address,
                                  -1);
  line_append (line, copy);

  return line;
}

/* Adds @address under a row's value, after @prefix, with a Copy button
 * named @copy_name, and @spoken, its line for screen readers, to the
 * description. */
static void
add_address (FwBylineCard *self,
             GtkWidget    *value_box,
             const char   *prefix,
             const char   *address,
             const char   *copy_name,
             const char   *spoken)
{
  gtk_box_append (GTK_BOX (value_box), address_line (prefix, address, copy_name));
  g_string_append_printf (self->description, "%s\n", spoken);
}

static void
add_outlet_address (FwBylineCard *self,
                    GtkWidget    *value_box,
                    const char   *url)
{
  g_autofree char *isolated = fw_plain_text_isolate (url);
  /* TRANSLATORS: for screen readers, an outlet's home page; %s is a web
   * address */
  g_autofree char *spoken = g_strdup_printf (_("Home page: %s"), isolated);

  add_address (self, value_box, _("Home page"), url, _("Copy the home page address"), spoken);
}

/* Adds a row of its own for the address where the piece was found. */
static void
add_address_row (FwBylineCard *self,
                 const char   *heading,
                 const char   *address)
{
  GtkWidget *heading_label = gtk_label_new (heading);
  g_autofree char *isolated = NULL;

  gtk_label_set_xalign (GTK_LABEL (heading_label), 1.0);
  gtk_widget_set_valign (heading_label, GTK_ALIGN_START);
  gtk_widget_add_css_class (heading_label, "dim-label");
  gtk_widget_add_css_class (heading_label, "byline-heading");
  gtk_grid_attach (self->grid, heading_label, 0, self->n_rows, 1, 1);
  gtk_grid_attach (self->grid, address_line (NULL, address, _("Copy the piece’s address")), 1,
                   self->n_rows, 1, 1);
  self->n_rows++;

  isolated = fw_plain_text_isolate (address);
  /* TRANSLATORS: the line of a byline for screen readers that says where
   * the piece was found; %s is a web address */
  g_string_append_printf (self->description, _("Found at: %s"), isolated);
  g_string_append_c (self->description, '\n');
}

static void
clear_grid (FwBylineCard *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->grid))) != NULL)
    gtk_grid_remove (self->grid, child);
  self->n_rows = 0;
  g_string_truncate (self->description, 0);
}

static void
update_accessible_description (FwBylineCard *self)
{
  /* The description ends without the last line break. */
  if (self->description->len > 0 && self->description->str[self->description->len - 1] == '\n')
    g_string_truncate (self->description, self->description->len - 1);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, self->description->str,
                                  -1);
}

static void
add_contributors (FwBylineCard *self,
                  FwPiece      *piece)
{
  GPtrArray *contributors = fw_piece_get_contributors (piece);

  if (contributors->len == 0)
    {
      add_row (self, _("Author"), _("Not stated"), FW_CONFIDENCE_NOT_STATED,
               _("The piece names no author. Without a byline you cannot check who wrote it, "
                 "what they know, or whom they work for."),
               NULL);
      return;
    }

  for (guint i = 0; i < contributors->len; i++)
    {
      const FwContributor *c = g_ptr_array_index (contributors, i);
      GtkWidget *value_box;
      const char *name = c->name;
      const char *note = c->note;

      if (name == NULL)
        {
          name = _("Not stated");
          if (note == NULL)
            note = _("The piece names no author. Without a byline you cannot check who wrote "
                     "it, what they know, or whom they work for.");
        }

      value_box = add_row (self, fw_contributor_role_to_label (c->role), name, c->confidence,
                           note, NULL);
      if (c->source != NULL)
        {
          g_autofree char *isolated = fw_plain_text_isolate (c->source);
          /* TRANSLATORS: for screen readers, where the pack checked a
           * contributor's name or affiliation; %s is a web address */
          g_autofree char *spoken = g_strdup_printf (_("Checked at: %s"), isolated);

          add_address (self, value_box, _("Checked at"), c->source,
                       _("Copy the address of the source"), spoken);
        }

      if (c->affiliation != NULL)
        add_row (self, _("Affiliation"), c->affiliation, c->affiliation_confidence, NULL, NULL);
    }
}

/**
 * fw_byline_card_set_piece:
 * @self: a byline card
 * @piece: (nullable): the piece whose byline to show
 *
 * Shows @piece's title, contributors with their affiliations, outlet and
 * its kind, date, image credit and perspective note, each with how sure
 * the pack is of it. All text is shown as plain text.
 */
void
fw_byline_card_set_piece (FwBylineCard *self,
                          FwPiece      *piece)
{
  const FwOutlet *outlet;
  const char *credit;
  g_autofree char *date = NULL;

  g_return_if_fail (FW_IS_BYLINE_CARD (self));

  clear_grid (self);
  if (piece == NULL)
    {
      gtk_label_set_text (self->title_label, "");
      update_accessible_description (self);
      return;
    }

  gtk_label_set_text (self->title_label, fw_piece_get_title (piece));
  g_string_append_printf (self->description, "%s\n", fw_piece_get_title (piece));
  add_contributors (self, piece);

  outlet = fw_piece_get_outlet (piece);
  if (outlet != NULL && outlet->name != NULL)
    {
      g_autofree char *name = fw_plain_text_isolate (outlet->name);
      g_autofree char *kind = outlet->kind != NULL ? fw_plain_text_isolate (outlet->kind) : NULL;
      /* TRANSLATORS: an outlet's name and, in brackets, what kind of outlet
       * it is, e.g. "CivilNet (online news outlet)" */
      g_autofree char *both = kind != NULL ? g_strdup_printf (_("%s (%s)"), name, kind) : NULL;
      /* The line reads in the card's direction, whatever the name starts
       * with; a name alone reads as it is written. */
      g_autofree char *value = both != NULL
                               ? fw_plain_text_set_direction (both, gtk_widget_get_direction (
                                                                GTK_WIDGET (self))
                                                              == GTK_TEXT_DIR_RTL)
                               : g_strdup (outlet->name);

      GtkWidget *value_box;

      value_box = add_row (self, _("Outlet"), value, outlet->confidence, outlet->description,
                           outlet->note);
      if (outlet->url != NULL)
        add_outlet_address (self, value_box, outlet->url);
    }
  else
    {
      const char *note = outlet != NULL ? outlet->note : NULL;
      GtkWidget *value_box;

      value_box = add_row (self, _("Outlet"), _("Not stated"), FW_CONFIDENCE_NOT_STATED,
                           note != NULL ? note : _("Where a piece first appeared tells you "
                                                   "who chose to publish it."),
                           outlet != NULL ? outlet->description : NULL);
      if (outlet != NULL && outlet->url != NULL)
        add_outlet_address (self, value_box, outlet->url);
    }

  if (fw_piece_get_url (piece) != NULL)
    add_address_row (self, _("Found at"), fw_piece_get_url (piece));

  date = fw_piece_format_published (piece);
  add_row (self, _("Published"), date != NULL ? date : _("Not stated"),
           fw_piece_get_published_confidence (piece), fw_piece_get_published_note (piece), NULL);

  credit = fw_piece_get_image_credit (piece);
  add_row (self, _("Image"), credit != NULL ? credit : _("Not stated"),
           fw_piece_get_image_credit_confidence (piece),
           fw_piece_get_image_credit_note (piece), NULL);

  if (fw_piece_get_perspective_note (piece) != NULL)
    {
      GtkWidget *heading = gtk_label_new (_("Perspective"));
      GtkWidget *value = plain_label (fw_piece_get_perspective_note (piece), NULL);

      gtk_label_set_xalign (GTK_LABEL (heading), 1.0);
      gtk_widget_set_valign (heading, GTK_ALIGN_START);
      gtk_widget_add_css_class (heading, "dim-label");
      gtk_widget_add_css_class (heading, "byline-heading");
      gtk_grid_attach (self->grid, heading, 0, self->n_rows, 1, 1);
      gtk_grid_attach (self->grid, value, 1, self->n_rows, 1, 1);
      self->n_rows++;
      /* TRANSLATORS: the perspective line of a byline for screen readers */
      g_string_append_printf (self->description, _("Perspective: %s"),
                              fw_piece_get_perspective_note (piece));
    }

  update_accessible_description (self);
}

static void
append_label_text (GString   *out,
                   GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LABEL (child))
        g_string_append_printf (out, "%s\n", gtk_label_get_text (GTK_LABEL (child)));
      else
        append_label_text (out, child);
    }
}

/**
 * fw_byline_card_dup_text:
 * @self: a byline card
 *
 * Collects the text of every label in the card, one per line, in reading
 * order. Tests use it to check what a student sees.
 *
 * Returns: (transfer full): the card's text
 */
char *
fw_byline_card_dup_text (FwBylineCard *self)
{
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (FW_IS_BYLINE_CARD (self), NULL);

  append_label_text (out, GTK_WIDGET (self));
  return g_string_free (out, FALSE);
}

/**
 * fw_byline_card_new:
 *
 * Returns: (transfer full): a new, empty byline card
 */
GtkWidget *
fw_byline_card_new (void)
{
  return g_object_new (FW_TYPE_BYLINE_CARD, NULL);
}

static void
copy_address_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget),
                          g_variant_get_string (parameter, NULL));
}

static void
fw_byline_card_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), FW_TYPE_BYLINE_CARD);

  G_OBJECT_CLASS (fw_byline_card_parent_class)->dispose (object);
}

static void
fw_byline_card_finalize (GObject *object)
{
  FwBylineCard *self = FW_BYLINE_CARD (object);

  g_string_free (self->description, TRUE);

  G_OBJECT_CLASS (fw_byline_card_parent_class)->finalize (object);
}

static void
fw_byline_card_class_init (FwBylineCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fw_byline_card_dispose;
  object_class->finalize = fw_byline_card_finalize;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "bylinecard");
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/fw-byline-card.ui");
  gtk_widget_class_bind_template_child (widget_class, FwBylineCard, box);
  gtk_widget_class_bind_template_child (widget_class, FwBylineCard, title_label);
  gtk_widget_class_bind_template_child (widget_class, FwBylineCard, grid);

  gtk_widget_class_install_action (widget_class, "byline.copy-address", "s",
                                   copy_address_action);
}

static void
fw_byline_card_init (FwBylineCard *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->description = g_string_new (NULL);
}

/**
 * fw_byline_card_get_description:
 * @self: a byline card
 *
 * The byline as screen readers get it: the title, then one line per entry
 * with its heading, value and confidence, each followed by its notes.
 *
 * Returns: (transfer none): the card's accessible description
 */
const char *
fw_byline_card_get_description (FwBylineCard *self)
{
  g_return_val_if_fail (FW_IS_BYLINE_CARD (self), NULL);
  return self->description->str;
}
