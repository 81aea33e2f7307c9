# syntax=docker/dockerfile:1
# The LINE returned-mail assistant. Build:  docker build -t bounce-bot .
# Run: see README "Operations" (docker run --init -p 3000:3000 -e LINE_CHANNEL_SECRET=… …).
#
# The app runs its TypeScript through tsx (a production dependency), the same way `npm start` does,
# so there is no separate compiled build to drift from what the tests ran.

ARG NODE_IMAGE=node:20-bookworm-slim

# 1. Type-check with the dev dependencies: an image is only built from code that compiles. The checked
#    sources (without node_modules) are what the runtime stage copies, which also makes BuildKit run this
#    stage: it skips stages the final one does not copy from.
FROM ${NODE_IMAGE} AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run typecheck && rm -rf node_modules

# 2. Production dependencies only, installed apart so no dev dependency can reach the image.
FROM ${NODE_IMAGE} AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force

# 3. Runtime: production node_modules + the checked sources, run as the unprivileged "node" user.
FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production \
    PORT=3000
WORKDIR /app
COPY --from=build --chown=node:node /app ./
COPY --from=deps --chown=node:node /app/node_modules ./node_modules
USER node
EXPOSE 3000
# No curl in the slim image: node's own fetch asks /healthz.
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/healthz',{signal:AbortSignal.timeout(4000)}).then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# node itself (not npm, not the tsx CLI) is the main process, so SIGTERM reaches the app's shutdown handler.
CMD ["node", "--import", "tsx", "bot/main.ts"]
