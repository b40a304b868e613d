#!/usr/bin/env python3
"""Shows that each protection's test can fail: removes the protection from the source (one at a
time), runs its test, expects the test to FAIL, and puts the source back byte for byte.

    python3 tools/soak/protections-can-fail.py          # from the repository root

Prints one line per protection ("caught" or "MISSED") and exits 1 if any test still passed.
It edits only files under apps/api/src (restored even on Ctrl-C); do not run it while editing them.
"""
import subprocess, sys
from pathlib import Path

API = Path(__file__).resolve().parents[2] / "apps" / "api"

# (protection, file, text to find, replacement, jest arguments)
MUTATIONS = [
    ("rate limits on the auth routes", "src/auth/auth.controller.ts",
     "  @UseGuards(AuthRateLimitGuard)\n", "", ["src/auth/abuse-limits", "-t", "per client address"]),
    ("lockout after failed log-ins", "src/auth/login-lockout.ts",
     "  async assertNotLocked(email: string): Promise<number> {\n",
     "  async assertNotLocked(email: string): Promise<number> {\n    if (email) return 0;\n",
     ["src/auth/abuse-limits", "-t", "lockout"]),
    ("tokens of deleted users refused", "src/auth/auth.guard.ts",
     "    if (!(await this.users.exists({ _id: userId }))) throw unauthorized();\n", "",
     ["src/auth/abuse-limits", "-t", "deleted"]),
    ("JWT_PREVIOUS_SECRET during a rotation", "src/auth/auth.guard.ts",
     "      if (!this.previousKey) throw error;", "      throw error;", ["src/auth/rotation"]),
    ("body limit (413)", "src/app.factory.ts",
     "    bodyLimit: config.bodyLimitBytes,\n", "", ["src/http/security", "-t", "body limit"]),
    ("nesting limit", "src/http/forbidden-keys.ts",
     "export const MAX_DEPTH = 32;", "export const MAX_DEPTH = 1000;",
     ["src/http/security", "-t", "nested too deeply"]),
    ("operator and prototype keys refused", "src/app.factory.ts",
     "  useForbiddenKeysCheck(adapter.getInstance());\n", "",
     ["src/http/security", "-t", "operator and prototype keys"]),
    ("NUL characters refused", "src/http/forbidden-keys.ts",
     "if (typeof item.value === 'string' && item.value.includes('\\0')) {",
     "if (typeof item.value === 'string' && !item.value) {",
     ["src/http/security", "-t", "NUL"]),
    ("strictQuery throw", "src/app.module.ts",
     "mongoose.set('strictQuery', 'throw');", "mongoose.set('strictQuery', true);",
     ["src/http/security", "-t", "strictQuery"]),
    ("CORS only for the web app", "src/app.factory.ts",
     "    origin: config.corsOrigins,\n", "    origin: true,\n", ["src/http/security", "-t", "CORS"]),
    ("security headers (helmet)", "src/app.factory.ts",
     "  await app.register(helmet, {", "  if (!app) await app.register(helmet, {",
     ["src/http/security", "-t", "headers"]),
    ("missing JSON body refused", "src/http/validation.pipe.ts",
     "if (metadata.type === 'body' && metadata.metatype && (value === undefined || value === null)) {",
     "if (!metadata) {", ["src/http/security", "-t", "missing body"]),
    ("malformed multipart is a 400", "src/http/error-body.ts",
     "MALFORMED_MULTIPART.test(exception.message)", "MALFORMED_MULTIPART.test('')",
     ["src/http/security", "-t", "multipart"]),
    ("invalid CSV is a 400", "src/http/error-body.ts",
     "exception.constructor.name === 'CsvError'", "exception.constructor.name === 'Nothing'",
     ["src/http/security", "-t", "multipart"]),
    ("callback token masked in logs", "src/http/redact-url.ts",
     "const maskedPath = path.replace(CALLBACK_TOKEN, `$1${MASK}`);", "const maskedPath = path;",
     ["test/logs"]),
    ("SIGTERM drains in-flight requests", "src/app.factory.ts",
     "  app.enableShutdownHooks();\n", "", ["test/shutdown"]),
    ("attempts counted across processes", "src/auth/attempt-counters.ts",
     "{ $inc: { count: 1 }", "{ $inc: { count: 0 }",
     ["src/auth/abuse-limits", "-t", "shared by every API process"]),
    ("request id returned and logged", "src/app.factory.ts",
     "  useRequestIdHeader(adapter.getInstance());\n", "", ["test/logs", "-t", "request id"]),
]

missed = 0
for name, file, find, replace, jest in MUTATIONS:
    path = API / file
    original = path.read_bytes()
    text = original.decode()
    if text.count(find) < 1:
        print(f"SKIPPED  {name}: the text to change is not in {file} any more")
        missed += 1
        continue
    try:
        path.write_text(text.replace(find, replace))
        result = subprocess.run(["npx", "jest", *jest], cwd=API, capture_output=True, text=True)
    finally:
        path.write_bytes(original)
    failed = result.returncode != 0
    missed += 0 if failed else 1
    print(f"{'caught' if failed else 'MISSED'}   {name} (jest {' '.join(jest)})", flush=True)

subprocess.run(["npm", "run", "build"], cwd=API, capture_output=True)
print(f"{len(MUTATIONS) - missed} of {len(MUTATIONS)} removed protections were caught by their tests.")
sys.exit(1 if missed else 0)
