# Sourced by .ci/run and .ci/start: puts Node 24 (what n8n 2.x runs on) first on PATH.
# n8n 2.x needs Node >= 24. Where the machine has an older Node, the npm package node@24 brings a
# prebuilt Node 24 into .tools/ (npm registry only, no other download). Native modules built for it must
# use its headers, hence npm_config_nodedir. Nothing else is left in the caller's shell: npm settings the
# scripts need are given to the commands that need them.
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
major="$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)"
if [ "$major" -lt 24 ]; then
	tools="$root/.tools"
	if [ ! -x "$tools/node_modules/node/bin/node" ]; then
		echo "node24: installing node@24 into .tools (this Node is $(node --version 2>/dev/null || echo missing))"
		npm_config_update_notifier=false npm install --no-save --no-package-lock --no-audit --no-fund --prefix "$tools" node@24 >/dev/null
	fi
	export PATH="$tools/node_modules/node/bin:$PATH"
	export npm_config_nodedir="$tools/node_modules/node/node_modules/node-linux-$(uname -m | sed "s/x86_64/x64/;s/aarch64/arm64/")"
fi
echo "node24: using Node $(node --version)"
