/*
 * <setjmp.h> for natmods, which link no C library: setjmp saves the registers the
 * architecture's calling convention has a callee keep (and the stack pointer and return
 * address) in the caller's jmp_buf and returns 0; longjmp loads them back and returns from
 * that setjmp call again, with its value (1 for 0). Link-only (src/runtime/index.ts): the
 * module's own <setjmp.h> declares them and gives jmp_buf its size; these definitions are
 * linked for the symbols its objects leave undefined, so the parameters are plain pointers.
 *
 * What each saves, in jmp_buf words (all fit the toolchains' jmp_buf: glibc x64 200 bytes,
 * x86 156, newlib ARM 92, picolibc RISC-V 304/208):
 *   x64 (System V): rbx rbp r12 r13 r14 r15, the stack pointer after return, the return address
 *   x86 (cdecl): ebx esi edi ebp, the stack pointer after return, the return address
 *   ARM Thumb (armv6m and up): r4-r11, sp, lr. As in the toolchain's newlib setjmp, the VFP
 *     registers s16-s31 of the hard-float ARCHes are not kept: newlib's jmp_buf (23 words)
 *     has no room for them next to the core registers.
 *   xtensa (call0 ABI): a0 (return address), a1 (sp), a12-a15
 *   RISC-V (rv32imc, rv64imc): ra, sp, s0-s11
 * Not on xtensawin: its windowed registers would need every live window spilled to the
 * stack before the jump, which only the port's own code knows how to do.
 */
#include "py/dynruntime.h"

#if defined(__x86_64__)
#define NATMODGEN_RT_SETJMP_X64 \
    "mov %rbx, (%rdi)\n" \
    "mov %rbp, 8(%rdi)\n" \
    "mov %r12, 16(%rdi)\n" \
    "mov %r13, 24(%rdi)\n" \
    "mov %r14, 32(%rdi)\n" \
    "mov %r15, 40(%rdi)\n" \
    "lea 8(%rsp), %rdx\n" \
    "mov %rdx, 48(%rdi)\n" \
    "mov (%rsp), %rdx\n" \
    "mov %rdx, 56(%rdi)\n" \
    "xor %eax, %eax\n" \
    "ret\n"
#define NATMODGEN_RT_LONGJMP_X64 \
    "mov %esi, %eax\n" \
    "test %eax, %eax\n" \
    "jnz 1f\n" \
    "inc %eax\n" \
    "1:\n" \
    "mov (%rdi), %rbx\n" \
    "mov 8(%rdi), %rbp\n" \
    "mov 16(%rdi), %r12\n" \
    "mov 24(%rdi), %r13\n" \
    "mov 32(%rdi), %r14\n" \
    "mov 40(%rdi), %r15\n" \
    "mov 48(%rdi), %rsp\n" \
    "jmp *56(%rdi)\n"
__attribute__((naked)) int setjmp(void *env) {
    __asm__ volatile (NATMODGEN_RT_SETJMP_X64);
}
/* glibc's <setjmp.h> makes setjmp(env) a call of _setjmp. */
__attribute__((naked)) int _setjmp(void *env) {
    __asm__ volatile (NATMODGEN_RT_SETJMP_X64);
}
__attribute__((naked, noreturn)) void longjmp(void *env, int val) {
    __asm__ volatile (NATMODGEN_RT_LONGJMP_X64);
}
__attribute__((naked, noreturn)) void _longjmp(void *env, int val) {
    __asm__ volatile (NATMODGEN_RT_LONGJMP_X64);
}
#endif

#if defined(__i386__)
#define NATMODGEN_RT_SETJMP_X86 \
    "mov 4(%esp), %eax\n" \
    "mov %ebx, (%eax)\n" \
    "mov %esi, 4(%eax)\n" \
    "mov %edi, 8(%eax)\n" \
    "mov %ebp, 12(%eax)\n" \
    "lea 4(%esp), %ecx\n" \
    "mov %ecx, 16(%eax)\n" \
    "mov (%esp), %ecx\n" \
    "mov %ecx, 20(%eax)\n" \
    "xor %eax, %eax\n" \
    "ret\n"
#define NATMODGEN_RT_LONGJMP_X86 \
    "mov 4(%esp), %edx\n" \
    "mov 8(%esp), %eax\n" \
    "test %eax, %eax\n" \
    "jnz 1f\n" \
    "inc %eax\n" \
    "1:\n" \
    "mov (%edx), %ebx\n" \
    "mov 4(%edx), %esi\n" \
    "mov 8(%edx), %edi\n" \
    "mov 12(%edx), %ebp\n" \
    "mov 16(%edx), %esp\n" \
    "jmp *20(%edx)\n"
__attribute__((naked)) int setjmp(void *env) {
    __asm__ volatile (NATMODGEN_RT_SETJMP_X86);
}
/* glibc's <setjmp.h> makes setjmp(env) a call of _setjmp. */
__attribute__((naked)) int _setjmp(void *env) {
    __asm__ volatile (NATMODGEN_RT_SETJMP_X86);
}
__attribute__((naked, noreturn)) void longjmp(void *env, int val) {
    __asm__ volatile (NATMODGEN_RT_LONGJMP_X86);
}
__attribute__((naked, noreturn)) void _longjmp(void *env, int val) {
    __asm__ volatile (NATMODGEN_RT_LONGJMP_X86);
}
#endif

#if defined(__thumb__)
/*
 * Thumb-1 instructions only (armv6m has no stm of high registers), so one text serves every ARM
 * ARCH. In unified syntax: GCC hands Thumb-1 inline assembly over in divided syntax (and
 * switches back to unified after it).
 */
__attribute__((naked)) int setjmp(void *env) {
    __asm__ volatile (
        ".syntax unified\n"
        "stmia r0!, {r4, r5, r6, r7}\n"
        "mov r1, r8\n"
        "mov r2, r9\n"
        "mov r3, r10\n"
        "stmia r0!, {r1, r2, r3}\n"
        "mov r1, r11\n"
        "mov r2, sp\n"
        "mov r3, lr\n"
        "stmia r0!, {r1, r2, r3}\n"
        "movs r0, #0\n"
        "bx lr\n"
        );
}
__attribute__((naked, noreturn)) void longjmp(void *env, int val) {
    __asm__ volatile (
        ".syntax unified\n"
        "adds r0, #16\n"
        "ldmia r0!, {r2, r3, r4}\n"
        "mov r8, r2\n"
        "mov r9, r3\n"
        "mov r10, r4\n"
        "ldmia r0!, {r2, r3, r4}\n"
        "mov r11, r2\n"
        "mov sp, r3\n"
        "mov lr, r4\n"
        "subs r0, #40\n"
        "ldmia r0!, {r4, r5, r6, r7}\n"
        "movs r0, r1\n"
        "bne 1f\n"
        "movs r0, #1\n"
        "1:\n"
        "bx lr\n"
        );
}
#endif

#if defined(__xtensa__) && !defined(__XTENSA_WINDOWED_ABI__)
/*
 * GCC has no naked functions for xtensa. A leaf function without locals gets no prologue
 * under the call0 ABI (py/nlrxtensa.c relies on the same), so the assembly sees the caller's
 * a0, a1 and the argument in a2, and returns itself; the C return after it is never reached.
 */
int setjmp(void *env) {
    __asm__ volatile (
        "s32i.n a0, a2, 0\n"
        "s32i.n a1, a2, 4\n"
        "s32i.n a12, a2, 8\n"
        "s32i.n a13, a2, 12\n"
        "s32i.n a14, a2, 16\n"
        "s32i.n a15, a2, 20\n"
        "movi.n a2, 0\n"
        "ret.n\n"
        ::: "memory");
    return 0;
}
void longjmp(void *env, int val) {
    __asm__ volatile (
        "l32i.n a0, a2, 0\n"
        "l32i.n a1, a2, 4\n"
        "l32i.n a12, a2, 8\n"
        "l32i.n a13, a2, 12\n"
        "l32i.n a14, a2, 16\n"
        "l32i.n a15, a2, 20\n"
        "mov.n a2, a3\n"
        "bnez.n a2, 1f\n"
        "movi.n a2, 1\n"
        "1:\n"
        "ret.n\n"
        ::: "memory");
    for (;;) {
    }
}
#endif

#if defined(__riscv) && __riscv_xlen == 32
__attribute__((naked)) int setjmp(void *env) {
    __asm__ volatile (
        "sw ra, 0(a0)\n"
        "sw sp, 4(a0)\n"
        "sw s0, 8(a0)\n"
        "sw s1, 12(a0)\n"
        "sw s2, 16(a0)\n"
        "sw s3, 20(a0)\n"
        "sw s4, 24(a0)\n"
        "sw s5, 28(a0)\n"
        "sw s6, 32(a0)\n"
        "sw s7, 36(a0)\n"
        "sw s8, 40(a0)\n"
        "sw s9, 44(a0)\n"
        "sw s10, 48(a0)\n"
        "sw s11, 52(a0)\n"
        "li a0, 0\n"
        "ret\n"
        );
}
__attribute__((naked, noreturn)) void longjmp(void *env, int val) {
    __asm__ volatile (
        "lw ra, 0(a0)\n"
        "lw sp, 4(a0)\n"
        "lw s0, 8(a0)\n"
        "lw s1, 12(a0)\n"
        "lw s2, 16(a0)\n"
        "lw s3, 20(a0)\n"
        "lw s4, 24(a0)\n"
        "lw s5, 28(a0)\n"
        "lw s6, 32(a0)\n"
        "lw s7, 36(a0)\n"
        "lw s8, 40(a0)\n"
        "lw s9, 44(a0)\n"
        "lw s10, 48(a0)\n"
        "lw s11, 52(a0)\n"
        "seqz a0, a1\n"
        "add a0, a0, a1\n"
        "ret\n"
        );
}
#endif

#if defined(__riscv) && __riscv_xlen == 64
__attribute__((naked)) int setjmp(void *env) {
    __asm__ volatile (
        "sd ra, 0(a0)\n"
        "sd sp, 8(a0)\n"
        "sd s0, 16(a0)\n"
        "sd s1, 24(a0)\n"
        "sd s2, 32(a0)\n"
        "sd s3, 40(a0)\n"
        "sd s4, 48(a0)\n"
        "sd s5, 56(a0)\n"
        "sd s6, 64(a0)\n"
        "sd s7, 72(a0)\n"
        "sd s8, 80(a0)\n"
        "sd s9, 88(a0)\n"
        "sd s10, 96(a0)\n"
        "sd s11, 104(a0)\n"
        "li a0, 0\n"
        "ret\n"
        );
}
__attribute__((naked, noreturn)) void longjmp(void *env, int val) {
    __asm__ volatile (
        "ld ra, 0(a0)\n"
        "ld sp, 8(a0)\n"
        "ld s0, 16(a0)\n"
        "ld s1, 24(a0)\n"
        "ld s2, 32(a0)\n"
        "ld s3, 40(a0)\n"
        "ld s4, 48(a0)\n"
        "ld s5, 56(a0)\n"
        "ld s6, 64(a0)\n"
        "ld s7, 72(a0)\n"
        "ld s8, 80(a0)\n"
        "ld s9, 88(a0)\n"
        "ld s10, 96(a0)\n"
        "ld s11, 104(a0)\n"
        "seqz a0, a1\n"
        "add a0, a0, a1\n"
        "ret\n"
        );
}
#endif
