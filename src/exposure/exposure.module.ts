import { Module } from '@nestjs/common';
import { ExposureService } from './exposure.service.js';

@Module({ providers: [ExposureService], exports: [ExposureService] })
export class ExposureModule {}
