#!/usr/bin/env bash
# Uploads skill-package/ with the deployed function's ARN as the skill endpoint (ASK CLI v2).
# Usage: scripts/deploy-skill-package.sh [stack-name]   (default FootAcupressureSkill)
# Needs: aws CLI with credentials, ask CLI configured (`ask configure`), the stack deployed.
set -euo pipefail
cd "$(dirname "$0")/.."

stack="${1:-FootAcupressureSkill}"
arn="$(aws cloudformation describe-stacks --stack-name "$stack" \
  --query "Stacks[0].Outputs[?OutputKey=='FunctionArn'].OutputValue" --output text)"
if [[ -z "$arn" || "$arn" == "None" ]]; then
  echo "No FunctionArn output on stack $stack: deploy it first (npm run deploy -- -c skillId=...)." >&2
  exit 1
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cp -R skill-package ask-resources.json "$work/"
# Point the manifest at the function.
node -e '
  const fs = require("fs"); const file = process.argv[1];
  const skill = JSON.parse(fs.readFileSync(file, "utf8"));
  skill.manifest.apis.custom.endpoint = { uri: process.argv[2] };
  fs.writeFileSync(file, JSON.stringify(skill, null, 2));
' "$work/skill-package/skill.json" "$arn"

echo "Deploying the skill package with endpoint $arn"
(cd "$work" && ask deploy)
