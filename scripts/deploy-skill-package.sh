#!/usr/bin/env bash
# Deploys skill-package/ with the ASK CLI v2, from a temporary copy, so the repository's skill.json
# keeps its placeholder endpoint. See docs/deploy.md.
#
# Usage:
#   scripts/deploy-skill-package.sh create   First time: creates the skill WITHOUT an endpoint (Alexa refuses
#                                            an endpoint whose trigger does not name the skill yet) and prints
#                                            its id, for `npm run deploy -- -c skillId=<id>`.
#   scripts/deploy-skill-package.sh [update] After the stack is deployed: sets apis.custom.endpoint.uri to the
#                                            stack's FunctionArn output and deploys the package (interaction
#                                            model and manifest). Run it again whenever either changes.
#
# Environment:
#   STACK_NAME        stack to read FunctionArn from (default FootAcupressureSkill)
#   CDK_OUTPUTS_FILE  read FunctionArn from `cdk deploy --outputs-file <file>` instead of asking CloudFormation
#   SKILL_ID          skill to update when .ask/ask-states.json does not exist yet (skill made in the console)
#   AWS_PROFILE, AWS_REGION as usual for the aws CLI: the same account and region as the stack.
#
# Needs: node, the ASK CLI v2 configured (`npm i -g ask-cli && ask configure`, profile "default"),
# and for update the aws CLI with credentials (unless CDK_OUTPUTS_FILE is given).
# The skill id is kept where the ASK CLI keeps it: .ask/ask-states.json in the repository root.
set -euo pipefail
cd "$(dirname "$0")/.."

mode="${1:-update}"
stack="${STACK_NAME:-FootAcupressureSkill}"
states=".ask/ask-states.json"

die() { echo "deploy-skill-package: $*" >&2; exit 1; }
need() { command -v "$1" >/dev/null 2>&1 || die "$1 is not installed ($2)"; }

skill_id_from_states() {
  [[ -f "$states" ]] || return 0
  node -e '
    const s = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
    process.stdout.write(s.profiles?.default?.skillId ?? "");
  ' "$states"
}

function_arn() {
  if [[ -n "${CDK_OUTPUTS_FILE:-}" ]]; then
    node -e '
      const o = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
      process.stdout.write(o[process.argv[2]]?.FunctionArn ?? "");
    ' "$CDK_OUTPUTS_FILE" "$stack"
  else
    need aws "https://docs.aws.amazon.com/cli/"
    aws cloudformation describe-stacks --stack-name "$stack" \
      --query "Stacks[0].Outputs[?OutputKey=='FunctionArn'].OutputValue" --output text
  fi
}

# Writes the skill package into $work with the endpoint set to $1, or removed when $1 is empty.
# The name-free block is left out of the models unless NAME_FREE=1: Amazon makes it available only to skills
# already live with a record of quality and engagement (docs/deploy.md, "Name-free interaction").
write_package() {
  cp -R skill-package ask-resources.json "$work/"
  if [[ -d .ask ]]; then cp -R .ask "$work/"; fi
  node -e '
    const fs = require("fs");
    const [file, uri] = process.argv.slice(1);
    const skill = JSON.parse(fs.readFileSync(file, "utf8"));
    const custom = skill.manifest.apis.custom;
    if (uri) custom.endpoint = { uri }; else delete custom.endpoint;
    fs.writeFileSync(file, JSON.stringify(skill, null, 2) + "\n");
  ' "$work/skill-package/skill.json" "$1"
  if [[ "${NAME_FREE:-0}" != "1" ]]; then
    node -e '
      const fs = require("fs");
      for (const file of process.argv.slice(1)) {
        const model = JSON.parse(fs.readFileSync(file, "utf8"));
        delete model.interactionModel._nameFreeInteraction;
        fs.writeFileSync(file, JSON.stringify(model, null, 2) + "\n");
      }
    ' "$work"/skill-package/interactionModels/custom/*.json
  fi
}

# Runs `ask deploy` in the copy, then keeps the ASK CLI's state (the skill id) in the repository.
ask_deploy() {
  (cd "$work" && ask deploy)
  if [[ -f "$work/$states" ]]; then
    mkdir -p .ask
    cp "$work/$states" "$states"
  fi
}

need node "https://nodejs.org"
need ask "npm i -g ask-cli, then ask configure"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

case "$mode" in
  create)
    existing="$(skill_id_from_states)"
    [[ -z "$existing" ]] || die "$states already names skill $existing; use update (or move $states away to create another skill)"
    write_package ""
    ask_deploy
    id="$(skill_id_from_states)"
    [[ -n "$id" ]] || die "ask deploy did not record a skill id in $states"
    echo "Created skill $id (no endpoint yet). Next:"
    echo "  npm run deploy -- -c skillId=$id"
    echo "  scripts/deploy-skill-package.sh update"
    ;;
  update)
    id="$(skill_id_from_states)"
    if [[ -z "$id" ]]; then
      [[ -n "${SKILL_ID:-}" ]] || die "no $states: run '$0 create' first, or set SKILL_ID to an existing skill's id"
      id="$SKILL_ID"
      mkdir -p .ask
      printf '{\n  "askcliStatesVersion": "2020-03-31",\n  "profiles": { "default": { "skillId": "%s" } }\n}\n' "$id" > "$states"
    fi
    arn="$(function_arn)"
    [[ -n "$arn" && "$arn" != "None" ]] || die "no FunctionArn output on stack $stack: deploy it first (npm run deploy -- -c skillId=$id)"
    write_package "$arn"
    echo "Deploying the skill package of $id with endpoint $arn"
    ask_deploy
    ;;
  *)
    die "unknown mode '$mode' (create or update)"
    ;;
esac
