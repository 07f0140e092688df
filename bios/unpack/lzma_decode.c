/* Raw LZMA1 decoding (see lzma_decode.h). Names follow the LZMA
 * specification's: bit models are 11-bit probabilities that a bit is 0,
 * moved by 1/32 of the way after each bit; "rep0" is the last distance
 * less one. */
#include "lzma_decode.h"

#define PROB_BITS 11
#define PROB_INIT (1u << (PROB_BITS - 1))
#define PROB_MOVE 5
#define TOP (1u << 24)

#define STATES 12
#define POS_STATES_MAX 16
#define LEN_TO_POS_STATES 4
#define POS_SLOT_BITS 6
#define END_POS_MODEL 14        /* slots from here on use direct bits */
#define FULL_DISTANCES 128
#define ALIGN_BITS 4
#define MATCH_MIN 2
#define LITERAL_MODELS 0x300

struct len_models {
	uint16_t choice;
	uint16_t choice2;
	uint16_t low[POS_STATES_MAX][1 << 3];
	uint16_t mid[POS_STATES_MAX][1 << 3];
	uint16_t high[1 << 8];
};

struct models {
	uint16_t is_match[STATES][POS_STATES_MAX];
	uint16_t is_rep[STATES];
	uint16_t is_rep_g0[STATES];
	uint16_t is_rep_g1[STATES];
	uint16_t is_rep_g2[STATES];
	uint16_t is_rep0_long[STATES][POS_STATES_MAX];
	uint16_t pos_slot[LEN_TO_POS_STATES][1 << POS_SLOT_BITS];
	uint16_t pos_special[1 + FULL_DISTANCES - END_POS_MODEL];
	uint16_t align[1 << ALIGN_BITS];
	struct len_models len;
	struct len_models rep_len;
	uint16_t literal[];     /* LITERAL_MODELS << (lc + lp) */
};

struct range_decoder {
	const uint8_t *next;
	const uint8_t *end;
	uint32_t range;
	uint32_t code;
	int overrun;            /* the input ran out: zeros were read instead */
};

static uint8_t next_byte(struct range_decoder *rc)
{
	if (rc->next == rc->end) {
		rc->overrun = 1;
		return 0;
	}
	return *rc->next++;
}

static void normalize(struct range_decoder *rc)
{
	if (rc->range < TOP) {
		rc->range <<= 8;
		rc->code = (rc->code << 8) | next_byte(rc);
	}
}

static unsigned decode_bit(struct range_decoder *rc, uint16_t *prob)
{
	uint32_t bound = (rc->range >> PROB_BITS) * *prob;
	unsigned bit;

	if (rc->code < bound) {
		rc->range = bound;
		*prob += ((1u << PROB_BITS) - *prob) >> PROB_MOVE;
		bit = 0;
	} else {
		rc->range -= bound;
		rc->code -= bound;
		*prob -= *prob >> PROB_MOVE;
		bit = 1;
	}
	normalize(rc);
	return bit;
}

/* Bits with probability one half, most significant first. */
static uint32_t decode_direct(struct range_decoder *rc, unsigned count)
{
	uint32_t value = 0;

	while (count--) {
		rc->range >>= 1;
		unsigned bit = rc->code >= rc->range;
		if (bit)
			rc->code -= rc->range;
		normalize(rc);
		value = (value << 1) | bit;
	}
	return value;
}

/* A COUNT-bit number through a binary tree of models, high bit first. */
static unsigned decode_tree(struct range_decoder *rc, uint16_t *probs, unsigned count)
{
	unsigned m = 1;

	for (unsigned i = 0; i < count; i++)
		m = (m << 1) | decode_bit(rc, &probs[m]);
	return m - (1u << count);
}

/* The same, low bit first. */
static unsigned decode_tree_reverse(struct range_decoder *rc, uint16_t *probs, unsigned count)
{
	unsigned m = 1, value = 0;

	for (unsigned i = 0; i < count; i++) {
		unsigned bit = decode_bit(rc, &probs[m]);
		m = (m << 1) | bit;
		value |= bit << i;
	}
	return value;
}

/* A match length less MATCH_MIN: 0-7, 8-15 or 16-271. */
static unsigned decode_len(struct range_decoder *rc, struct len_models *lm, unsigned pos_state)
{
	if (!decode_bit(rc, &lm->choice))
		return decode_tree(rc, lm->low[pos_state], 3);
	if (!decode_bit(rc, &lm->choice2))
		return 8 + decode_tree(rc, lm->mid[pos_state], 3);
	return 16 + decode_tree(rc, lm->high, 8);
}

/* A match distance less one; 0xFFFFFFFF is the end marker. */
static uint32_t decode_distance(struct range_decoder *rc, struct models *m, unsigned len)
{
	unsigned len_state = len < LEN_TO_POS_STATES - 1 ? len : LEN_TO_POS_STATES - 1;
	unsigned slot = decode_tree(rc, m->pos_slot[len_state], POS_SLOT_BITS);

	if (slot < 4)
		return slot;
	unsigned direct = (slot >> 1) - 1;
	uint32_t dist = (2u | (slot & 1)) << direct;
	if (slot < END_POS_MODEL)
		return dist + decode_tree_reverse(rc, m->pos_special + dist - slot, direct);
	dist += decode_direct(rc, direct - ALIGN_BITS) << ALIGN_BITS;
	return dist + decode_tree_reverse(rc, m->align, ALIGN_BITS);
}

/* One literal byte; after a match, in the context of the byte at rep0. */
static uint8_t decode_literal(struct range_decoder *rc, uint16_t *probs,
			      int after_match, uint8_t match_byte)
{
	unsigned symbol = 1;

	if (after_match) {
		do {
			unsigned match_bit = (match_byte >> 7) & 1;
			match_byte <<= 1;
			unsigned bit = decode_bit(rc, &probs[((1 + match_bit) << 8) + symbol]);
			symbol = (symbol << 1) | bit;
			if (bit != match_bit)
				break;
		} while (symbol < 0x100);
	}
	while (symbol < 0x100)
		symbol = (symbol << 1) | decode_bit(rc, &probs[symbol]);
	return (uint8_t)symbol;
}

static int split_props(uint8_t props, unsigned *lc, unsigned *lp, unsigned *pb)
{
	if (props >= 9 * 5 * 5)
		return 0;
	*lc = props % 9;
	*lp = props / 9 % 5;
	*pb = props / 45;
	return 1;
}

size_t lzma_scratch_size(uint8_t props)
{
	unsigned lc, lp, pb;

	if (!split_props(props, &lc, &lp, &pb))
		return 0;
	return sizeof(struct models) + sizeof(uint16_t) * ((size_t)LITERAL_MODELS << (lc + lp));
}

static unsigned state_after_literal(unsigned state)
{
	return state < 4 ? 0 : state < 10 ? state - 3 : state - 6;
}

enum lzma_status lzma_decode(uint8_t props, const uint8_t *in, size_t in_size,
			     uint8_t *out, size_t out_size,
			     void *scratch, size_t scratch_size)
{
	unsigned lc, lp, pb;
	if (!split_props(props, &lc, &lp, &pb))
		return LZMA_BAD_PROPS;
	size_t need = lzma_scratch_size(props);
	if (!scratch || scratch_size < need)
		return LZMA_NO_SCRATCH;

	struct models *m = scratch;
	uint16_t *prob = scratch;
	for (size_t i = 0; i < need / sizeof(uint16_t); i++)
		prob[i] = PROB_INIT;

	struct range_decoder rc = { .next = in, .end = in + in_size, .range = 0xFFFFFFFFu };
	if (next_byte(&rc) != 0)
		return rc.overrun ? LZMA_TRUNCATED : LZMA_CORRUPT;
	for (int i = 0; i < 4; i++)
		rc.code = (rc.code << 8) | next_byte(&rc);
	if (rc.code == rc.range)
		return LZMA_CORRUPT;

	unsigned state = 0;
	uint32_t rep0 = 0, rep1 = 0, rep2 = 0, rep3 = 0;
	size_t pos = 0;
	const unsigned pb_mask = (1u << pb) - 1, lp_mask = (1u << lp) - 1;

	while (pos < out_size) {
		if (rc.overrun)
			return LZMA_TRUNCATED;
		unsigned pos_state = pos & pb_mask;

		if (!decode_bit(&rc, &m->is_match[state][pos_state])) {
			unsigned prev = pos ? out[pos - 1] : 0;
			unsigned ctx = ((pos & lp_mask) << lc) + (prev >> (8 - lc));
			uint8_t match_byte = state >= 7 ? out[pos - rep0 - 1] : 0;
			out[pos++] = decode_literal(&rc, m->literal + LITERAL_MODELS * ctx,
						    state >= 7, match_byte);
			state = state_after_literal(state);
			continue;
		}

		unsigned len;
		if (decode_bit(&rc, &m->is_rep[state])) {
			if (pos == 0)
				return LZMA_CORRUPT;
			if (!decode_bit(&rc, &m->is_rep_g0[state])) {
				if (!decode_bit(&rc, &m->is_rep0_long[state][pos_state])) {
					/* One byte from rep0. */
					state = state < 7 ? 9 : 11;
					out[pos] = out[pos - rep0 - 1];
					pos++;
					continue;
				}
			} else {
				uint32_t dist;
				if (!decode_bit(&rc, &m->is_rep_g1[state])) {
					dist = rep1;
				} else {
					if (!decode_bit(&rc, &m->is_rep_g2[state])) {
						dist = rep2;
					} else {
						dist = rep3;
						rep3 = rep2;
					}
					rep2 = rep1;
				}
				rep1 = rep0;
				rep0 = dist;
			}
			len = decode_len(&rc, &m->rep_len, pos_state);
			state = state < 7 ? 8 : 11;
		} else {
			rep3 = rep2;
			rep2 = rep1;
			rep1 = rep0;
			len = decode_len(&rc, &m->len, pos_state);
			state = state < 7 ? 7 : 10;
			rep0 = decode_distance(&rc, m, len);
			if (rep0 == 0xFFFFFFFFu)
				return LZMA_CORRUPT;    /* the end marker, before the end */
		}
		if (rc.overrun)
			return LZMA_TRUNCATED;
		if (rep0 >= pos)
			return LZMA_CORRUPT;
		len += MATCH_MIN;
		if (len > out_size - pos)
			return LZMA_CORRUPT;
		/* Forwards, byte by byte: a match may overlap what it makes. */
		const uint8_t *from = out + pos - rep0 - 1;
		for (unsigned i = 0; i < len; i++)
			out[pos + i] = from[i];
		pos += len;
	}
	return LZMA_OK;
}
