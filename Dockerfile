# The service image: app, embedded engine and workers in one Node process (see README, "Architecture").
FROM node:24-bookworm-slim
# LibreOffice renders the official documents to PDF (GET /api/documents/:id?format=pdf); Liberation Serif has Times New
# Roman's metrics, so the layout matches Word's.
RUN apt-get update \
  && apt-get install -y --no-install-recommends libreoffice-writer-nogui fonts-liberation2 \
  && rm -rf /var/lib/apt/lists/*
WORKDIR /srv/app
COPY package.json package-lock.json ./
# All dependencies first: vite (a development dependency) builds the browser app; then the image keeps only
# what runs. The postinstall step skips the FerretDB build here (no Go): the container uses MongoDB.
RUN npm ci --no-audit --no-fund --ignore-scripts
COPY . .
RUN npm run build:web && npm prune --omit=dev --no-audit --no-fund
ENV NODE_ENV=production
USER node
EXPOSE 3000
CMD ["npm", "start"]
