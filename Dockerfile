# The service image: app, embedded engine and workers in one Node process (see README, "Architecture").
FROM node:20-bookworm-slim
ENV NODE_ENV=production
WORKDIR /srv/app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
USER node
EXPOSE 3000 26500 8080
CMD ["npm", "start"]
