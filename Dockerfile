# syntax=docker/dockerfile:1
# The LINE returned-mail assistant. Build:  docker build -t bounce-bot .
# Run: see README "Operations" (docker run --init -p 3000:3000 -e LINE_CHANNEL_SECRET=… …).
#
# The bot runs as JavaScript compiled from the same sources by tsc (npm run build, dist/), not through
# tsx: tsx's loader thread and source maps cost about 30 MB, which the 150 MB budget for 10k live sessions
# cannot spare (npm run bench:webhook). The sources and tsx stay in the image for `npm run richmenu`.

ARG NODE_IMAGE=node:20-bookworm-slim

# 1. Type-check and compile with the dev dependencies: an image is only built from code that compiles.
#    The checked sources and dist/ (without node_modules) are what the runtime stage copies, which also
#    makes BuildKit run this stage: it skips stages the final one does not copy from.
FROM ${NODE_IMAGE} AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run typecheck && npm run build && rm -rf node_modules

# 2. Production dependencies only, installed apart so no dev dependency can reach the image. No optional
#    ones: tesseract.js and its language data (~75 MB) are the OCR route for machines without Debian's
#    tesseract, which this image has. No scripts: "prepare" compiles, which stage 1 did.
FROM ${NODE_IMAGE} AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --omit=optional --ignore-scripts --no-audit --no-fund && npm cache clean --force

# 3. Runtime: production node_modules + the checked sources, run as the unprivileged "node" user.
#    Debian's tesseract reads the screenshots users send (knowledge/ocr/); one OpenMP thread per image:
#    its default threading is ~2.7× slower on 2 cores, and the bot reads two images at once.
FROM ${NODE_IMAGE} AS runtime
RUN apt-get update \
 && apt-get install -y --no-install-recommends tesseract-ocr tesseract-ocr-eng tesseract-ocr-jpn \
 && rm -rf /var/lib/apt/lists/*
# MALLOC_ARENA_MAX is RUNTIME_ENV of scripts/build.ts (fewer malloc arenas: ~10 MB less RSS; see there).
ENV NODE_ENV=production \
    PORT=3000 \
    OMP_THREAD_LIMIT=1 \
    MALLOC_ARENA_MAX=2
WORKDIR /app
COPY --from=build --chown=node:node /app ./
COPY --from=deps --chown=node:node /app/node_modules ./node_modules
USER node
EXPOSE 3000
# No curl in the slim image: node's own fetch asks /healthz.
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/healthz',{signal:AbortSignal.timeout(4000)}).then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# node itself (not npm) is the main process, so SIGTERM reaches the app's shutdown handler. The V8 flags
# are RUNTIME_NODE_FLAGS of scripts/build.ts (a smaller young generation, a slower-growing old one; see there).
CMD ["node", "--max-semi-space-size=6", "--heap-growing-percent=100", "dist/bot/main.js"]
