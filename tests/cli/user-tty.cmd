# On a terminal stj user add asks for the password twice without echo
# (termios); two that differ change nothing. A pseudo-terminal stands in
# for the user; what it shows is printed (the typed text never is).
export STJ_TEST_NOW=2013-06-01T00:00:00Z USER=beheer-c
db="$T/db"
tty() {
	/usr/bin/python3 - "$@" <<'PY'
import os, pty, select, sys, time
db, first, second = sys.argv[1:4]
pid, fd = pty.fork()
if pid == 0:
    os.execvp(os.environ["STJ"].split()[0], os.environ["STJ"].split() +
              ["--db", db, "user", "add", "carla", "--role", "lezer"])
seen = b""
# Reads what the terminal shows until text (None: the end), 60 s at most.
def wait_for(text):
    global seen
    end = time.time() + 60
    while (text is None or text not in seen) and time.time() < end:
        if not select.select([fd], [], [], 1)[0]:
            continue
        try:
            chunk = os.read(fd, 1024)
        except OSError:
            return
        if not chunk:
            return
        seen += chunk
wait_for(b"Password: ")
os.write(fd, first.encode() + b"\n")
wait_for(b"Again: ")
os.write(fd, second.encode() + b"\n")
wait_for(None)
done, status = os.waitpid(pid, os.WNOHANG)
if done == 0:
    os.kill(pid, 9)
    _, status = os.waitpid(pid, 0)
out = seen.decode().replace("\r\n", "\n")
sys.stdout.write(out)
print("exit", os.waitstatus_to_exitcode(status))
print("echoed" if first in out or second in out else "not echoed")
PY
}
tty "$db" "correct horse battery" "correct horse batterie"
sqlite3 "$db" "SELECT count(*) FROM account" 2>&1
tty "$db" "correct horse battery" "correct horse battery"
sqlite3 "$db" "SELECT name, role FROM account"
