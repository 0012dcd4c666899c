#!/usr/bin/env python3
"""Runs a command as the reaper of everything it starts, so that the processor time of every process it started is
counted in this process's children's time, and so in the time of the shell that waits for it.

Usage: reaper.py COMMAND [ARG...]

A process whose parent ends first (a browser's renderers when the browser is closed, a server's workers when the
server is stopped) is handed to this process instead of to the system's first process (Linux: a child subreaper),
and this process waits for it: the shell's `times` then counts it. Once the command has ended, the processes it left
behind are waited for until they end, for 5 seconds at most (DRILLS_REAPER_WAIT_S); those still running then are
named on standard error and left as they are.

Exits with the command's status (128 + the signal's number when a signal ended it). Without Linux's subreaper
(another system), it still runs the command and passes its status on.
"""
import ctypes
import os
import signal
import sys
import time

PR_SET_CHILD_SUBREAPER = 36
# How long the processes a command left behind get to end once it has ended (DRILLS_REAPER_WAIT_S: another bound).
LEFT_BEHIND_WAIT_S = float(os.environ.get('DRILLS_REAPER_WAIT_S') or 5.0)


def become_subreaper():
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        return libc.prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0) == 0
    except (OSError, AttributeError):
        return False


def exit_code(status):
    if os.WIFSIGNALED(status):
        return 128 + os.WTERMSIG(status)
    return os.WEXITSTATUS(status)


def described(pid):
    try:
        with open(f'/proc/{pid}/cmdline', 'rb') as f:
            return f.read().replace(b'\0', b' ').decode(errors='replace').strip()[:160]
    except OSError:
        return '?'


def main(argv):
    if not argv:
        print('usage: reaper.py COMMAND [ARG...]', file=sys.stderr)
        return 2
    reaping = become_subreaper()
    child = os.fork()
    if child == 0:
        try:
            os.execvp(argv[0], argv)
        except OSError as e:
            print(f'{argv[0]}: {e.strerror}', file=sys.stderr)
            os._exit(127)

    def forward(signum, _frame):
        try:
            os.kill(child, signum)
        except ProcessLookupError:
            pass

    # Ctrl-C reaches the whole foreground group, the command included: nothing to pass on.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    for signum in (signal.SIGTERM, signal.SIGHUP):
        signal.signal(signum, forward)

    status = None
    while status is None:
        try:
            pid, st = os.waitpid(-1, 0)
        except ChildProcessError:
            break
        if pid == child:
            status = st
    if reaping:
        until = time.monotonic() + LEFT_BEHIND_WAIT_S
        while True:
            try:
                pid, _ = os.waitpid(-1, os.WNOHANG)
            except ChildProcessError:
                break
            if pid != 0:
                continue
            if time.monotonic() >= until:
                left = [p for p in os.listdir('/proc') if p.isdigit() and parent_of(p) == os.getpid()]
                for p in left:
                    print(f'reaper: still running after {argv[0]} ended: {p} {described(p)}', file=sys.stderr)
                break
            time.sleep(0.02)
    return exit_code(status) if status is not None else 1


def parent_of(pid):
    try:
        with open(f'/proc/{pid}/stat') as f:
            stat = f.read()
        return int(stat[stat.rindex(')') + 2:].split()[1])
    except (OSError, ValueError, IndexError):
        return -1


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
