// Verifies Standard Webhooks messages with the reference npm package (`standardwebhooks`), independent
// of the bridge's Java signer. Input on stdin: {"secrets":["whsec_…"], "messages":[{"headers":{…},"body":"…"}]}.
// Output: for each message, for each secret, true/false. Install: npm install --prefix target/npm standardwebhooks@1
// Run:    NODE_PATH=target/npm/node_modules node bench/verify-standardwebhooks.cjs < input.json
const { Webhook } = require("standardwebhooks");

let input = "";
process.stdin.on("data", (chunk) => (input += chunk));
process.stdin.on("end", () => {
  const { secrets, messages } = JSON.parse(input);
  const results = messages.map((m) =>
    secrets.map((secret) => {
      try {
        new Webhook(secret).verify(m.body, m.headers);
        return true;
      } catch (e) {
        return false;
      }
    })
  );
  process.stdout.write(JSON.stringify(results));
});
