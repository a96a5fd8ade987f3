// Runs once, before any test file: what the machine must have for the whole suite is installed
// here, not by each file as it starts (parallel apt-get runs lose each other's dpkg lock).
import { ensureDebianPackages, missingDebianPackages } from './debian-packages.ts';

export default function setup(): void {
  ensureDebianPackages(missingDebianPackages(), '浏览器测试与表格渲染检查');
}
