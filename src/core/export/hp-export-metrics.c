/* hp-export-metrics.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * How wide a text prints, so that the export can size columns and rows
 * itself: spreadsheets don't grow a row for wrapped text on opening
 * (LibreOffice doesn't), and a row taller than its text leaves an empty
 * band.
 *
 * The unit is a column-width unit: the width of the digit "0" of the
 * workbook's default font (Calibri 11). A column of width w holds w of
 * those digits side by side (measured in LibreOffice 7.4: 6, 10, 20 and 40
 * digits fill columns 6, 10, 20 and 40 wide exactly). Calibri prints as
 * itself in Excel, as its metric twin Carlito in LibreOffice where that is
 * installed, and as DejaVu Sans where it is not (Debian without
 * fonts-crosextra-carlito). The table below holds, per character, its
 * advance over the digit's advance of the same font, the larger of Carlito
 * and DejaVu Sans, rounded up to hundredths; bold widths are over the
 * regular digit (the column's unit). Both fonts agree within some 5 % per
 * character, so a text measured here is at most a little wider than it
 * prints, never narrower: a row sized from it may be a line too tall now and
 * then, but never cuts a line off.
 *
 * Generated with fontTools from DejaVuSans{,-Bold}.ttf (fonts-dejavu-core
 * 2.37) and Carlito-{Regular,Bold}.ttf (fonts-crosextra-carlito 20220224).
 */

#define G_LOG_DOMAIN "hp-export"

#include "config.h"

#include <string.h>

#include "hp-export-private.h"

/* U+0020 to U+017F (Basic Latin, Latin-1, Latin Extended-A); 0 where no
 * font has the character (the C1 controls, which never reach a cell). */
static const guint8 dense[][2] = {
  {  50,  55 },  /* U+0020 */
  {  65,  72 },  /* ! */
  {  80,  87 },  /* " */
  { 132, 132 },  /* # */
  { 100, 110 },  /* $ */
  { 150, 158 },  /* % */
  { 135, 140 },  /* & */
  {  44,  49 },  /* ' */
  {  62,  72 },  /* ( */
  {  62,  72 },  /* ) */
  {  99,  99 },  /* * */
  { 132, 132 },  /* + */
  {  50,  60 },  /* , */
  {  61,  66 },  /* - */
  {  50,  60 },  /* . */
  {  77,  85 },  /* / */
  { 100, 110 },  /* 0 */
  { 100, 110 },  /* 1 */
  { 100, 110 },  /* 2 */
  { 100, 110 },  /* 3 */
  { 100, 110 },  /* 4 */
  { 100, 110 },  /* 5 */
  { 100, 110 },  /* 6 */
  { 100, 110 },  /* 7 */
  { 100, 110 },  /* 8 */
  { 100, 110 },  /* 9 */
  {  53,  63 },  /* : */
  {  53,  63 },  /* ; */
  { 132, 132 },  /* < */
  { 132, 132 },  /* = */
  { 132, 132 },  /* > */
  {  92,  92 },  /* ? */
  { 177, 178 },  /* @ */
  { 115, 122 },  /* A */
  { 108, 120 },  /* B */
  { 110, 116 },  /* C */
  { 122, 131 },  /* D */
  { 100, 108 },  /* E */
  {  91, 108 },  /* F */
  { 125, 130 },  /* G */
  { 123, 132 },  /* H */
  {  50,  59 },  /* I */
  {  63,  66 },  /* J */
  { 104, 122 },  /* K */
  {  88, 101 },  /* L */
  { 169, 173 },  /* M */
  { 128, 132 },  /* N */
  { 131, 134 },  /* O */
  { 102, 116 },  /* P */
  { 133, 136 },  /* Q */
  { 110, 122 },  /* R */
  { 100, 114 },  /* S */
  {  97, 108 },  /* T */
  { 127, 129 },  /* U */
  { 112, 122 },  /* V */
  { 176, 179 },  /* W */
  { 108, 122 },  /* X */
  {  97, 114 },  /* Y */
  { 108, 114 },  /* Z */
  {  62,  72 },  /* [ */
  {  77,  85 },  /* backslash */
  {  62,  72 },  /* ] */
  { 132, 132 },  /* ^ */
  {  99,  99 },  /* _ */
  {  79,  79 },  /* ` */
  {  97, 107 },  /* a */
  { 104, 113 },  /* b */
  {  87,  94 },  /* c */
  { 104, 113 },  /* d */
  {  99, 107 },  /* e */
  {  61,  69 },  /* f */
  { 100, 113 },  /* g */
  { 104, 112 },  /* h */
  {  46,  54 },  /* i */
  {  48,  54 },  /* j */
  {  92, 105 },  /* k */
  {  46,  54 },  /* l */
  { 158, 164 },  /* m */
  { 104, 112 },  /* n */
  { 105, 108 },  /* o */
  { 104, 113 },  /* p */
  { 104, 113 },  /* q */
  {  69,  78 },  /* r */
  {  82,  94 },  /* s */
  {  67,  76 },  /* t */
  { 104, 112 },  /* u */
  {  94, 103 },  /* v */
  { 142, 148 },  /* w */
  {  94, 102 },  /* x */
  {  94, 103 },  /* y */
  {  83,  92 },  /* z */
  { 100, 112 },  /* { */
  {  91,  94 },  /* | */
  { 100, 112 },  /* } */
  { 132, 132 },  /* ~ */
  {   0,   0 },  /* U+007F */
  {   0,   0 },  /* U+0080 */
  {   0,   0 },  /* U+0081 */
  {   0,   0 },  /* U+0082 */
  {   0,   0 },  /* U+0083 */
  {   0,   0 },  /* U+0084 */
  {   0,   0 },  /* U+0085 */
  {   0,   0 },  /* U+0086 */
  {   0,   0 },  /* U+0087 */
  {   0,   0 },  /* U+0088 */
  {   0,   0 },  /* U+0089 */
  {   0,   0 },  /* U+008A */
  {   0,   0 },  /* U+008B */
  {   0,   0 },  /* U+008C */
  {   0,   0 },  /* U+008D */
  {   0,   0 },  /* U+008E */
  {   0,   0 },  /* U+008F */
  {   0,   0 },  /* U+0090 */
  {   0,   0 },  /* U+0091 */
  {   0,   0 },  /* U+0092 */
  {   0,   0 },  /* U+0093 */
  {   0,   0 },  /* U+0094 */
  {   0,   0 },  /* U+0095 */
  {   0,   0 },  /* U+0096 */
  {   0,   0 },  /* U+0097 */
  {   0,   0 },  /* U+0098 */
  {   0,   0 },  /* U+0099 */
  {   0,   0 },  /* U+009A */
  {   0,   0 },  /* U+009B */
  {   0,   0 },  /* U+009C */
  {   0,   0 },  /* U+009D */
  {   0,   0 },  /* U+009E */
  {   0,   0 },  /* U+009F */
  {  50,  55 },  /* U+00A0 */
  {  65,  72 },  /* ¡ */
  { 100, 110 },  /* ¢ */
  { 100, 110 },  /* £ */
  { 100, 100 },  /* ¤ */
  { 100, 110 },  /* ¥ */
  {  99,  99 },  /* ¦ */
  {  99,  99 },  /* § */
  {  79,  82 },  /* ¨ */
  { 165, 165 },  /* © */
  {  80,  89 },  /* ª */
  { 102, 107 },  /* « */
  { 132, 132 },  /* ¬ */
  {  57,  66 },  /* U+00AD */
  { 158, 158 },  /* ® */
  {  79,  79 },  /* ¯ */
  {  79,  79 },  /* ° */
  { 132, 132 },  /* ± */
  {  67,  69 },  /* ² */
  {  66,  69 },  /* ³ */
  {  79,  79 },  /* ´ */
  { 109, 116 },  /* µ */
  { 116, 118 },  /* ¶ */
  {  50,  60 },  /* · */
  {  79,  79 },  /* ¸ */
  {  64,  69 },  /* ¹ */
  {  84,  89 },  /* º */
  { 102, 107 },  /* » */
  { 153, 163 },  /* ¼ */
  { 153, 163 },  /* ½ */
  { 153, 163 },  /* ¾ */
  {  92,  92 },  /* ¿ */
  { 115, 122 },  /* À */
  { 115, 122 },  /* Á */
  { 115, 122 },  /* Â */
  { 115, 122 },  /* Ã */
  { 115, 122 },  /* Ä */
  { 115, 122 },  /* Å */
  { 154, 171 },  /* Æ */
  { 110, 116 },  /* Ç */
  { 100, 108 },  /* È */
  { 100, 108 },  /* É */
  { 100, 108 },  /* Ê */
  { 100, 108 },  /* Ë */
  {  50,  59 },  /* Ì */
  {  50,  59 },  /* Í */
  {  50,  59 },  /* Î */
  {  50,  59 },  /* Ï */
  { 124, 132 },  /* Ð */
  { 128, 132 },  /* Ñ */
  { 131, 134 },  /* Ò */
  { 131, 134 },  /* Ó */
  { 131, 134 },  /* Ô */
  { 131, 134 },  /* Õ */
  { 131, 134 },  /* Ö */
  { 132, 132 },  /* × */
  { 131, 135 },  /* Ø */
  { 127, 129 },  /* Ù */
  { 127, 129 },  /* Ú */
  { 127, 129 },  /* Û */
  { 127, 129 },  /* Ü */
  {  97, 114 },  /* Ý */
  { 102, 116 },  /* Þ */
  { 105, 114 },  /* ß */
  {  97, 107 },  /* à */
  {  97, 107 },  /* á */
  {  97, 107 },  /* â */
  {  97, 107 },  /* ã */
  {  97, 107 },  /* ä */
  {  97, 107 },  /* å */
  { 155, 165 },  /* æ */
  {  87,  94 },  /* ç */
  {  99, 107 },  /* è */
  {  99, 107 },  /* é */
  {  99, 107 },  /* ê */
  {  99, 107 },  /* ë */
  {  46,  54 },  /* ì */
  {  46,  54 },  /* í */
  {  46,  54 },  /* î */
  {  46,  54 },  /* ï */
  { 104, 108 },  /* ð */
  { 104, 112 },  /* ñ */
  { 105, 108 },  /* ò */
  { 105, 108 },  /* ó */
  { 105, 108 },  /* ô */
  { 105, 108 },  /* õ */
  { 105, 108 },  /* ö */
  { 132, 132 },  /* ÷ */
  { 105, 108 },  /* ø */
  { 104, 112 },  /* ù */
  { 104, 112 },  /* ú */
  { 104, 112 },  /* û */
  { 104, 112 },  /* ü */
  {  94, 103 },  /* ý */
  { 104, 113 },  /* þ */
  {  94, 103 },  /* ÿ */
  { 115, 122 },  /* Ā */
  {  97, 107 },  /* ā */
  { 115, 122 },  /* Ă */
  {  97, 107 },  /* ă */
  { 115, 122 },  /* Ą */
  {  97, 107 },  /* ą */
  { 110, 116 },  /* Ć */
  {  87,  94 },  /* ć */
  { 110, 116 },  /* Ĉ */
  {  87,  94 },  /* ĉ */
  { 110, 116 },  /* Ċ */
  {  87,  94 },  /* ċ */
  { 110, 116 },  /* Č */
  {  87,  94 },  /* č */
  { 122, 131 },  /* Ď */
  { 113, 118 },  /* ď */
  { 124, 132 },  /* Đ */
  { 109, 113 },  /* đ */
  { 100, 108 },  /* Ē */
  {  99, 107 },  /* ē */
  { 100, 108 },  /* Ĕ */
  {  99, 107 },  /* ĕ */
  { 100, 108 },  /* Ė */
  {  99, 107 },  /* ė */
  { 100, 108 },  /* Ę */
  {  99, 107 },  /* ę */
  { 100, 108 },  /* Ě */
  {  99, 107 },  /* ě */
  { 125, 130 },  /* Ĝ */
  { 100, 113 },  /* ĝ */
  { 125, 130 },  /* Ğ */
  { 100, 113 },  /* ğ */
  { 125, 130 },  /* Ġ */
  { 100, 113 },  /* ġ */
  { 125, 130 },  /* Ģ */
  { 100, 113 },  /* ģ */
  { 123, 132 },  /* Ĥ */
  { 104, 112 },  /* ĥ */
  { 144, 154 },  /* Ħ */
  { 110, 125 },  /* ħ */
  {  50,  59 },  /* Ĩ */
  {  46,  54 },  /* ĩ */
  {  50,  59 },  /* Ī */
  {  46,  54 },  /* ī */
  {  50,  59 },  /* Ĭ */
  {  46,  54 },  /* ĭ */
  {  50,  59 },  /* Į */
  {  46,  54 },  /* į */
  {  50,  59 },  /* İ */
  {  46,  54 },  /* ı */
  { 113, 119 },  /* Ĳ */
  {  93, 108 },  /* ĳ */
  {  63,  66 },  /* Ĵ */
  {  48,  54 },  /* ĵ */
  { 104, 122 },  /* Ķ */
  {  92, 105 },  /* ķ */
  {  92, 105 },  /* ĸ */
  {  88, 101 },  /* Ĺ */
  {  46,  54 },  /* ĺ */
  {  88, 101 },  /* Ļ */
  {  46,  54 },  /* ļ */
  {  88, 101 },  /* Ľ */
  {  59,  76 },  /* ľ */
  { 108, 111 },  /* Ŀ */
  {  74,  88 },  /* ŀ */
  {  89, 101 },  /* Ł */
  {  49,  59 },  /* ł */
  { 128, 132 },  /* Ń */
  { 104, 112 },  /* ń */
  { 128, 132 },  /* Ņ */
  { 104, 112 },  /* ņ */
  { 128, 132 },  /* Ň */
  { 104, 112 },  /* ň */
  { 128, 155 },  /* ŉ */
  { 124, 132 },  /* Ŋ */
  { 104, 112 },  /* ŋ */
  { 131, 134 },  /* Ō */
  { 105, 108 },  /* ō */
  { 131, 134 },  /* Ŏ */
  { 105, 108 },  /* ŏ */
  { 131, 134 },  /* Ő */
  { 105, 108 },  /* ő */
  { 172, 184 },  /* Œ */
  { 168, 172 },  /* œ */
  { 110, 122 },  /* Ŕ */
  {  69,  78 },  /* ŕ */
  { 110, 122 },  /* Ŗ */
  {  69,  78 },  /* ŗ */
  { 110, 122 },  /* Ř */
  {  69,  78 },  /* ř */
  { 100, 114 },  /* Ś */
  {  82,  94 },  /* ś */
  { 100, 114 },  /* Ŝ */
  {  82,  94 },  /* ŝ */
  { 100, 114 },  /* Ş */
  {  82,  94 },  /* ş */
  { 100, 114 },  /* Š */
  {  82,  94 },  /* š */
  {  97, 108 },  /* Ţ */
  {  67,  76 },  /* ţ */
  {  97, 108 },  /* Ť */
  {  69,  76 },  /* ť */
  {  97, 108 },  /* Ŧ */
  {  68,  76 },  /* ŧ */
  { 127, 129 },  /* Ũ */
  { 104, 112 },  /* ũ */
  { 127, 129 },  /* Ū */
  { 104, 112 },  /* ū */
  { 127, 129 },  /* Ŭ */
  { 104, 112 },  /* ŭ */
  { 127, 129 },  /* Ů */
  { 104, 112 },  /* ů */
  { 127, 129 },  /* Ű */
  { 104, 112 },  /* ű */
  { 127, 129 },  /* Ų */
  { 104, 112 },  /* ų */
  { 176, 179 },  /* Ŵ */
  { 142, 148 },  /* ŵ */
  {  97, 114 },  /* Ŷ */
  {  94, 103 },  /* ŷ */
  {  97, 114 },  /* Ÿ */
  { 108, 114 },  /* Ź */
  {  83,  92 },  /* ź */
  { 108, 114 },  /* Ż */
  {  83,  92 },  /* ż */
  { 108, 114 },  /* Ž */
  {  83,  92 },  /* ž */
  {  56,  69 },  /* ſ */
};

static const struct { gunichar c; guint8 width[2]; } sparse[] = {
  { 0x2013, {  99,  99 } },  /* – */
  { 0x2014, { 179, 179 } },  /* — */
  { 0x2018, {  50,  60 } },  /* ‘ */
  { 0x2019, {  50,  60 } },  /* ’ */
  { 0x201A, {  50,  60 } },  /* ‚ */
  { 0x201C, {  83, 104 } },  /* “ */
  { 0x201D, {  83, 104 } },  /* ” */
  { 0x201E, {  83, 104 } },  /* „ */
  { 0x2022, {  99, 101 } },  /* • */
  { 0x2026, { 158, 158 } },  /* … */
  { 0x20AC, { 100, 110 } },  /* € */
  { 0x2192, { 179, 179 } },  /* → */
  { 0x2610, { 141, 141 } },  /* ☐ */
};

/* A character the table does not know: as wide as a wide capital, or two
 * digits for East Asian wide characters. */
#define UNKNOWN_WIDTH 1.6
#define WIDE_WIDTH    2.0

static double
char_width (gunichar c,
            gboolean bold)
{
  if (c >= 0x20 && c < 0x20 + G_N_ELEMENTS (dense) && dense[c - 0x20][bold ? 1 : 0] > 0)
    return dense[c - 0x20][bold ? 1 : 0] / 100.0;

  for (guint i = 0; i < G_N_ELEMENTS (sparse); i++)
    if (sparse[i].c == c)
      return sparse[i].width[bold ? 1 : 0] / 100.0;

  if (g_unichar_iszerowidth (c))
    return 0;
  return g_unichar_iswide (c) ? WIDE_WIDTH : UNKNOWN_WIDTH;
}

double
_hp_export_text_width (const char *text,
                       gssize      length,
                       gboolean    bold)
{
  const char *end;
  double width = 0;

  if (text == NULL)
    return 0;

  end = length < 0 ? text + strlen (text) : text + length;
  for (const char *p = text; p < end && *p != '\0'; p = g_utf8_next_char (p))
    width += char_width (g_utf8_get_char (p), bold);

  return width;
}

/* Where a line may end after @p (a character of a word): after a hyphen
 * between letters ("U18-Paket", "Dauerbackwaren-Tüte"), as LibreOffice
 * breaks lines (ICU), not before a digit ("-5"). */
static gboolean
breaks_after_hyphen (const char *start,
                     const char *p)
{
  const char *next = g_utf8_next_char (p);

  return *p == '-' && p > start && g_unichar_isalnum (g_utf8_get_char (g_utf8_prev_char (p))) &&
         *next != '\0' && g_unichar_isalpha (g_utf8_get_char (next));
}

guint
_hp_export_wrap (const char *text,
                 double      room,
                 gboolean    bold,
                 gboolean    hyphens,
                 GString    *out)
{
  g_auto(GStrv) paragraphs = NULL;
  guint lines = 0;

  if (text == NULL || *text == '\0')
    return 1;

  room = MAX (room, 1.0);
  paragraphs = g_strsplit (text, "\n", -1);
  for (guint i = 0; paragraphs[i] != NULL; i++)
    {
      const char *p = paragraphs[i];
      double line = 0;       /* width of the line so far, without the
                              * spaces at its end */
      double spaces = 0;     /* of the spaces after it */
      gboolean empty = TRUE;

      if (i > 0 && out != NULL)
        g_string_append_c (out, '\n');
      lines++;

      while (*p != '\0')
        {
          const char *gap = p;
          const char *start;
          double word;

          /* spaces hang at the end of a line */
          for (; *p == ' '; p++)
            spaces += char_width (' ', bold);

          /* the next piece: up to a space, or after a hyphen */
          start = p;
          for (; *p != '\0' && *p != ' '; p = g_utf8_next_char (p))
            if (hyphens && breaks_after_hyphen (paragraphs[i], p))
              {
                p = g_utf8_next_char (p);
                break;
              }
          if (p == start)
            break;
          word = _hp_export_text_width (start, p - start, bold);

          if (!empty && line + spaces + word > room)
            {
              /* the piece starts the next line */
              lines++;
              line = 0;
              if (out != NULL)
                g_string_append_c (out, '\n');
            }
          else
            {
              line += spaces;
              if (out != NULL && !empty)
                g_string_append_len (out, gap, start - gap);
            }
          spaces = 0;

          /* a piece wider than a line is broken where the line is full */
          for (const char *q = start; q < p; q = g_utf8_next_char (q))
            {
              double c = char_width (g_utf8_get_char (q), bold);

              if (line > 0 && line + c > room)
                {
                  lines++;
                  line = 0;
                  if (out != NULL)
                    g_string_append_c (out, '\n');
                }
              line += c;
              if (out != NULL)
                g_string_append_len (out, q, g_utf8_next_char (q) - q);
            }
          empty = FALSE;
        }
    }

  return lines;
}
