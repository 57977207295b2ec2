/*
 * Pairing heap (py/pairheap.h) as the firmware implements it, so that _asyncio's task
 * queue orders equal keys the same way. A node's children form a list from `child` to
 * `child_last`; the last child's `next` holds its parent with the low bit set, which lets
 * delete find the parent of any node. A node outside any heap has `next` NULL.
 */
#include "py/dynruntime.h"
#include "py/pairheap.h"

#define NATMODGEN_RT_PH_TAG(parent) ((mp_pairheap_t *)((uintptr_t)(parent) | 1))
#define NATMODGEN_RT_PH_IS_TAG(next) (((uintptr_t)(next) & 1) != 0)
#define NATMODGEN_RT_PH_UNTAG(next) ((mp_pairheap_t *)((uintptr_t)(next) & ~(uintptr_t)1))

/* Links two heaps: heap1 stays the root only if lt(heap1, heap2), else heap2 adopts it as first child. */
mp_pairheap_t *mp_pairheap_meld(mp_pairheap_lt_t lt, mp_pairheap_t *heap1, mp_pairheap_t *heap2) {
    if (heap1 == NULL || heap2 == NULL) {
        return heap1 == NULL ? heap2 : heap1;
    }
    if (lt(heap1, heap2)) {
        /* heap2 becomes heap1's last child. */
        if (heap1->child == NULL) {
            heap1->child = heap2;
        } else {
            heap1->child_last->next = heap2;
        }
        heap1->child_last = heap2;
        heap2->next = NATMODGEN_RT_PH_TAG(heap1);
        return heap1;
    }
    /* heap1 becomes heap2's first child. */
    mp_pairheap_t *first = heap2->child;
    heap2->child = heap1;
    if (first == NULL) {
        heap2->child_last = heap1;
        heap1->next = NATMODGEN_RT_PH_TAG(heap2);
    } else {
        heap1->next = first;
    }
    return heap2;
}

/* Melds a list of siblings into one heap: pairs from the front, each pair melded into the result. */
mp_pairheap_t *mp_pairheap_pairing(mp_pairheap_lt_t lt, mp_pairheap_t *child) {
    if (child == NULL) {
        return NULL;
    }
    mp_pairheap_t *heap = NULL;
    mp_pairheap_t *cur = child;
    while (!NATMODGEN_RT_PH_IS_TAG(cur)) {
        mp_pairheap_t *a = cur;
        cur = a->next;
        a->next = NULL;
        if (!NATMODGEN_RT_PH_IS_TAG(cur)) {
            mp_pairheap_t *b = cur;
            cur = b->next;
            b->next = NULL;
            a = mp_pairheap_meld(lt, a, b);
        }
        heap = mp_pairheap_meld(lt, heap, a);
    }
    heap->next = NULL;
    return heap;
}

mp_pairheap_t *mp_pairheap_delete(mp_pairheap_lt_t lt, mp_pairheap_t *heap, mp_pairheap_t *node) {
    if (node == heap) {
        mp_pairheap_t *children = node->child;
        node->child = NULL;
        return mp_pairheap_pairing(lt, children);
    }
    if (node->next == NULL) {
        /* Not in the heap. */
        return heap;
    }
    /* The parent is behind the tagged pointer at the end of node's sibling list. */
    mp_pairheap_t *last = node;
    while (!NATMODGEN_RT_PH_IS_TAG(last->next)) {
        last = last->next;
    }
    mp_pairheap_t *parent = NATMODGEN_RT_PH_UNTAG(last->next);
    mp_pairheap_t *after = node->next;
    mp_pairheap_t *subheap = mp_pairheap_pairing(lt, node->child);
    node->child = NULL;
    node->next = NULL;
    if (node == parent->child) {
        if (subheap == NULL) {
            /* The parent loses its first child; with no sibling after it, all of them. */
            parent->child = NATMODGEN_RT_PH_IS_TAG(after) ? NULL : after;
            return heap;
        }
        parent->child = subheap;
    } else {
        mp_pairheap_t *before = parent->child;
        while (before->next != node) {
            before = before->next;
        }
        if (subheap == NULL) {
            subheap = before;
        } else {
            before->next = subheap;
        }
    }
    /* subheap (or the sibling before node) now takes node's place in the list. */
    subheap->next = after;
    if (NATMODGEN_RT_PH_IS_TAG(after)) {
        parent->child_last = subheap;
    }
    return heap;
}
